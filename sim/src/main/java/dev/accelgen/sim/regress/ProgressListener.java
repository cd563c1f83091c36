package dev.accelgen.sim.regress;

/** What a run reports while it works (see {@link ConsoleProgress}). Calls are serialised by the run. */
public interface ProgressListener {
    /**
     * {@code cases} to account for, {@code alreadyDone} of them from an earlier run; the estimated cost of the
     * work to do (single-core seconds, batch overheads included) and the estimated wall time.
     */
    void started(int cases, int alreadyDone, double estimatedWork, double estimatedWall);

    void batchStarted(Batch batch);

    /** A batch failed as a whole; its cases now run one at a time. */
    void batchSplit(Batch batch, String reason);

    /** A case finished; {@code estimatedWork} is its estimate plus its share of its batch's overhead. */
    void caseFinished(CaseResult result, double estimatedWork);

    void finished();

    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(int cases, int alreadyDone, double estimatedWork, double estimatedWall) {
        }

        @Override
        public void batchStarted(Batch batch) {
        }

        @Override
        public void batchSplit(Batch batch, String reason) {
        }

        @Override
        public void caseFinished(CaseResult result, double estimatedWork) {
        }

        @Override
        public void finished() {
        }
    };
}
