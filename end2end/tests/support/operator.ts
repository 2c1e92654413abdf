// Whether the build under test describes the shipped sample operator. The operator file is read
// by build.rs from LEBENSLAGEN_OPERATOR (relative to the repository root) or operator/sample.toml;
// the suite reads the same file, so it also holds for a build with a real operator.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export const OPERATOR_IS_SAMPLE = /^\s*sample\s*=\s*true\s*(#.*)?$/m.test(
  readFileSync(resolve(REPO, process.env.LEBENSLAGEN_OPERATOR ?? 'operator/sample.toml'), 'utf8'),
);
