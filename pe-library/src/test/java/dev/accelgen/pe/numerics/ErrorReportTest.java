package dev.accelgen.pe.numerics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void figuresStayWithinTheirBounds() {
        long seed = 1;
        System.out.println("seed=" + seed);
        List<ErrorReport.Figure> figs = ErrorReport.measure(seed);
        figs.forEach(System.out::println);
        Map<String, Double> v = figs.stream().collect(Collectors.toMap(ErrorReport.Figure::name, ErrorReport.Figure::value));
        // integer activations: only the output rounding (half an LSB of Q.8) remains
        assertTrue(v.get("mixpe_int8_w4_g32_max_abs_err") <= 0.5 / 256);
        assertTrue(v.get("mixpe_int16_w4_g32_max_abs_err") <= 0.5 / 256);
        assertTrue(v.get("mixpe_fp16_w4_g32_max_abs_err") < 0.5);
        assertTrue(v.get("sigmoid_plan_q12_max_abs_err") < 0.019);
        assertTrue(v.get("rmsnorm_rsqrt_max_rel_err") < Math.pow(2, -13));
        assertTrue(v.get("bitlinear_mlgru_d64_t32_cosine") > 0.98);
    }
}
