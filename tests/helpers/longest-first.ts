import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Test files in order of how long they are expected to take, longest first, whatever their project
 * (Vitest's own order runs projects one after another, alphabetically, which left the two slowest
 * files, the lint gate and the fresh-checkout type check, for the end of the run). Expected time: the
 * file's last duration when Vitest has one cached; on a fresh clone, the project's kind (browser, then
 * gates, builds, unit, components), then Vitest's own order (largest file first).
 */
const KIND = ['e2e', 'gates', 'build', 'unit', 'components'];

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    const position = new Map(base.map((spec, i) => [spec, i]));
    const last = (spec: TestSpecification) => this.ctx.cache.getTestSpecificationResult(spec)?.duration;
    const kind = (spec: TestSpecification) => {
      const i = KIND.indexOf(spec.project.name);
      return i < 0 ? KIND.length : i;
    };
    return [...base].sort((a, b) => {
      const [da, db] = [last(a), last(b)];
      if (da !== undefined && db !== undefined && da !== db) return db - da;
      return kind(a) - kind(b) || position.get(a)! - position.get(b)!;
    });
  }
}
