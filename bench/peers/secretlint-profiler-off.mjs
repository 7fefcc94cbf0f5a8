// Preload (`node --import`) for the `secretlint-20k-fixed` scenario. secretlint 10 records a performance mark per
// rule per file, even without --profile, and its observer scans every mark so far on each new one, so its run time
// grows with the square of the file count (secretlint/secretlint#1653). Upstream fixed it by making profiling opt-in
// (secretlint/secretlint#1673). This makes mark() a no-op, as the fix does without --profile: the comparison then
// measures secretlint's scanning, not that bug.
import { secretLintProfiler } from '@secretlint/profiler';

secretLintProfiler.mark = () => {};
