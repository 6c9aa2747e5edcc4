import type { Command } from '../main';
import { InputError } from '../io';

export const analyze: Command = {
  summary: 'not implemented yet',
  usage: 'npm run -s cli -- analyze',
  async run() {
    throw new InputError('analyze is not implemented yet');
  },
};
