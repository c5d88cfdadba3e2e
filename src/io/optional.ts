/**
 * An optional package (an engine's client, text recognition), required only when a spec or a
 * command needs it: CommonJS required, not imported, so that the CLI's bundle, which runs in a
 * vm.Script without a module loader, can load it too. Missing, it is one line naming it and
 * the command that installs it; any other failure is rethrown.
 */
import { createRequire } from 'node:module';
import { HeatfigError } from '../errors.ts';
import * as msg from '../messages.ts';

const require = createRequire(import.meta.url);

export function requireOptional<T>(name: string, what: string, where: string): T {
  try {
    return require(name) as T;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND')
      throw new HeatfigError('missing-package', msg.missingPackage(name, what), where);
    throw e;
  }
}
