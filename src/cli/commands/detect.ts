import type { Command } from '../main';
import { InputError } from '../io';

export const detect: Command = {
  summary: 'not implemented yet',
  usage: 'npm run -s cli -- detect',
  async run() {
    throw new InputError('detect is not implemented yet');
  },
};
