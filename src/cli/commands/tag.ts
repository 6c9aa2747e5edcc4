import type { Command } from '../main';
import { InputError } from '../io';

export const tag: Command = {
  summary: 'not implemented yet',
  usage: 'npm run -s cli -- tag',
  async run() {
    throw new InputError('tag is not implemented yet');
  },
};
