package dev.accelgen.cli.accel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accelgen.compiler.backend.estimate.Estimate;
import dev.accelgen.pe.accel.MatrixUnitSpec;
import dev.accelgen.pe.accel.model.RunActivity;

/** {@code estimate --json}: the estimate's figures, then the on-chip memory against the board's budget. */
final class EstimateJson {
    private EstimateJson() {
    }

    static String write(Estimate e, BufferFit fit) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("model", e.model());
        o.put("board", e.board());
        o.put("scheme", e.scheme());
        o.put("clock_mhz", e.clockMhz());
        o.put("timing_source", "accelerator golden model (AccelModel) in timing-only mode running the compiled program");
        o.put("method", e.method());
        o.put("layers", e.layerCount());
        o.put("prompt_len", e.promptLen());
        o.put("context", e.context());
        ObjectNode hw = o.putObject("hw");
        hw.put("lanes", e.hw().lanes());
        hw.put("ports", e.hw().ports());
        hw.put("port_bits", e.hw().portBits());
        hw.put("mac_lanes", e.macLanes());
        ArrayNode units = hw.putArray("matrix_units");
        for (MatrixUnitSpec u : e.hw().matrixUnits()) {
            units.add(u.toString());
        }
        o.put("prefill_cycles", e.prefill().cycles());
        o.put("prefill_ms", round(e.prefillMs()));
        if (e.decode() != null) {
            o.put("decode_cycles", e.decode().cycles());
            o.put("decode_tokens_per_s", round(e.decodeTokensPerS()));
            o.put("decode_bytes", e.decode().bytes());
            o.put("decode_gbps", round(e.decodeGbps()));
            o.put("bandwidth_utilization", round(e.bandwidthUtilization()));
            o.put("board_bandwidth_utilization", round(e.boardBandwidthUtilization()));
        }
        o.put("ports_gbps", round(e.portsGbps()));
        o.put("board_gbps", e.boardGbps());
        o.put("port_bytes_per_cycle", e.bytesPerCycle());
        o.put("program_bytes", e.programBytes());
        if (e.unrolled() != null) {
            ObjectNode u = o.putObject("unrolled");
            u.put("context", e.unrolled().context());
            u.put("unrolled_bytes", e.unrolled().unrolledBytes());
            u.put("ratio", round(e.unrolled().ratio()));
        }
        ArrayNode parts = o.putArray("per_layer");
        for (Estimate.Part p : e.layers()) {
            ObjectNode l = parts.addObject();
            l.put("name", p.name());
            activity(l, "prefill", p.prefill());
            if (p.decode() != null) {
                activity(l, "decode", p.decode());
            }
        }
        ObjectNode res = o.putObject("resources");
        res.put("bram36", fit.bram36());
        res.put("bram36_budget", fit.budget());
        res.put("basis", fit.basis());
        o.put("fits", fit.fits());
        try {
            return m.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void activity(ObjectNode l, String run, RunActivity a) {
        l.put(run + "_cycles", a.cycles());
        l.put(run + "_compute_utilization", a.cycles() == 0 ? 0 : round((double) a.computeBusy() / a.cycles()));
        l.put(run + "_stall_cycles", a.computeStall());
        l.put(run + "_bytes", a.bytes());
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
