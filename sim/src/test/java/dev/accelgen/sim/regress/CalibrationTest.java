package dev.accelgen.sim.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Batches measured exactly as the model says: the fit must give the model back. */
    @Test
    void aFitOfExactMeasurementsRecoversTheModel() {
        CostModel truth = new CostModel(2.4, 0.3, 0.015, 4.0);
        double buildPerCase = 0.2; // of caseSeconds 0.3: 0.2 in the build, 0.1 in the rest
        List<BatchSample> samples = new ArrayList<>();
        int[] cases = {1, 1, 4, 10, 25, 40, 3};
        double[] kb = {5, 1300, 3300, 250, 480, 900, 70};
        double[] kbm = {0.4, 100, 200, 40, 90, 150, 10};
        for (int i = 0; i < cases.length; i++) {
            double build = truth.batchSeconds() + buildPerCase * cases[i] + truth.buildSecondsPerKByte() * kb[i];
            double rest = (truth.caseSeconds() - buildPerCase) * cases[i] + truth.simSecondsPerKByteMCycle() * kbm[i] / 1000;
            samples.add(new BatchSample(cases[i], kb[i], kbm[i] / 1000, build, false, build + rest));
        }
        samples.add(new BatchSample(5, 100, 0.01, 0, true, 0.5 + 4.0 * 0.01)); // a cache hit: only the rest
        Calibration c = Calibration.fit(samples);
        assertEquals(truth.batchSeconds(), c.model().batchSeconds(), 1e-6);
        assertEquals(truth.caseSeconds(), c.model().caseSeconds(), 0.05);
        assertEquals(truth.buildSecondsPerKByte(), c.model().buildSecondsPerKByte(), 1e-9);
        assertEquals(8, c.batches());
        assertEquals(7, c.builds());
    }

    @Test
    void tooFewBuildsCannotBeFitted() {
        assertEquals("calibration needs at least three uncached builds of different sizes and case counts (got 1)",
                assertThrows(IllegalArgumentException.class, () -> Calibration.fit(List.of(
                        new BatchSample(1, 10, 0, 3, false, 3), new BatchSample(1, 10, 0, 0, true, 1)))).getMessage());
    }
}
