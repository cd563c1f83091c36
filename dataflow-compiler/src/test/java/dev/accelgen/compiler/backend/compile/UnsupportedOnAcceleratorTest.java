package dev.accelgen.compiler.backend.compile;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.accelgen.errors.PlanError;
import org.junit.jupiter.api.Test;

/**
 * What the LIR interpreter runs but the instruction set cannot express is refused by compile in one line, before any
 * program is generated: a sliding-window attention (Mistral) and a MoE gated by the softmax over all experts (M3ViT).
 */
class UnsupportedOnAcceleratorTest {
    private static final String CONFIGS = "src/test/resources/configs/";

    @Test
    void slidingWindowAttentionIsRefused() {
        PlanError e = assertThrows(PlanError.class, () -> Frontend.load(CONFIGS + "tiny-mistral.config.json", "int8", null, 0, 16, 1));
        assertTrue(e.getMessage().matches(CONFIGS + "tiny-mistral.config.json: attention \\S+ has a sliding window of 3 keys; VATTN masks only"
                + " the keys after a row, so the accelerator cannot run it \\(model run can\\)"), e.getMessage());
    }

    @Test
    void softmaxOverAllExpertsIsRefused() {
        PlanError e = assertThrows(PlanError.class, () -> Frontend.load(CONFIGS + "tiny-m3vit.config.json", "w4a8", null, 0, 16, 1));
        assertTrue(e.getMessage().matches(CONFIGS + "tiny-m3vit.config.json: MoE \\S+ gates its experts with their probabilities in the"
                + " softmax over all experts \\(V-MoE, M3ViT\\); VTOPK gates with the softmax of the picked logits, so the accelerator"
                + " cannot run it \\(model run can\\)"), e.getMessage());
    }
}
