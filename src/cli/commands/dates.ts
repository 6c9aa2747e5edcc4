import type { Command } from '../main';
import { InputError } from '../io';

export const dates: Command = {
  summary: 'not implemented yet',
  usage: 'npm run -s cli -- dates',
  async run() {
    throw new InputError('dates is not implemented yet');
  },
};
