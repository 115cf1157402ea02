import buildOnce from '../gates/global-setup.ts';
import { testDist } from '../helpers/project.ts';

/** The browser tests read the same build as the build tests and gates (built at most once per run). */
export const e2eDist = testDist;

export default function setup(): void {
  buildOnce();
}
