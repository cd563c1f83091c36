package dev.accelgen.hdl.emit;

import dev.accelgen.hdl.ir.ClockDomain;
import dev.accelgen.hdl.ir.ModuleDef;
import dev.accelgen.hdl.ir.Signal;
import dev.accelgen.hdl.ir.SignalKind;
import dev.accelgen.hdl.ir.StreamDef;
import dev.accelgen.hdl.ir.WriteMemoryDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-top JSON manifest that simulation harnesses, cocotb testbenches and bundles read. */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    public static String write(ModuleDef top, List<String> files, List<String> simFiles) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("top", top.name());
        ClockDomain d = top.domains().isEmpty() ? null : top.domains().get(0);
        m.put("clock", d == null ? null : Map.of("name", VerilogNames.escape(d.clock())));
        if (d == null || d.reset() == null) {
            m.put("reset", null);
        } else {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", VerilogNames.escape(d.reset()));
            r.put("kind", d.resetKind() == ClockDomain.ResetKind.ASYNC ? "async" : "sync");
            r.put("active_low", d.activeLow());
            m.put("reset", r);
        }
        List<Object> ports = new ArrayList<>();
        for (Signal p : top.ports()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("name", ModuleEmitter.name(p));
            pm.put("direction", p.kind() == SignalKind.INPUT ? "in" : "out");
            pm.put("width", p.width());
            pm.put("signed", p.type().signed());
            ports.add(pm);
        }
        m.put("ports", ports);
        List<Object> streams = new ArrayList<>();
        for (StreamDef s : top.streams()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("direction", s.input() ? "in" : "out");
            sm.put("valid", ModuleEmitter.name(s.valid()));
            sm.put("ready", s.ready() == null ? null : ModuleEmitter.name(s.ready()));
            List<Object> data = new ArrayList<>();
            s.data().forEach(x -> data.add(ModuleEmitter.name(x)));
            sm.put("data", data);
            streams.add(sm);
        }
        m.put("streams", streams);
        if (!top.readMemories().isEmpty()) {
            List<Object> mems = new ArrayList<>();
            for (dev.accelgen.hdl.ir.ReadMemoryDef r : top.readMemories()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("name", r.name());
                rm.put("ar_valid", ModuleEmitter.name(r.arValid()));
                rm.put("ar_ready", ModuleEmitter.name(r.arReady()));
                rm.put("ar_addr", ModuleEmitter.name(r.arAddr()));
                rm.put("ar_len", ModuleEmitter.name(r.arLen()));
                rm.put("r_valid", ModuleEmitter.name(r.rValid()));
                rm.put("r_ready", ModuleEmitter.name(r.rReady()));
                rm.put("r_data", ModuleEmitter.name(r.rData()));
                rm.put("r_last", ModuleEmitter.name(r.rLast()));
                rm.put("data_bytes", r.dataBytes());
                mems.add(rm);
            }
            m.put("read_memories", mems);
        }
        if (!top.writeMemories().isEmpty()) {
            List<Object> mems = new ArrayList<>();
            for (WriteMemoryDef w : top.writeMemories()) {
                Map<String, Object> wm = new LinkedHashMap<>();
                wm.put("name", w.name());
                wm.put("aw_valid", ModuleEmitter.name(w.awValid()));
                wm.put("aw_ready", ModuleEmitter.name(w.awReady()));
                wm.put("aw_addr", ModuleEmitter.name(w.awAddr()));
                wm.put("aw_len", ModuleEmitter.name(w.awLen()));
                wm.put("w_valid", ModuleEmitter.name(w.wValid()));
                wm.put("w_ready", ModuleEmitter.name(w.wReady()));
                wm.put("w_data", ModuleEmitter.name(w.wData()));
                wm.put("w_strb", ModuleEmitter.name(w.wStrb()));
                wm.put("w_last", ModuleEmitter.name(w.wLast()));
                wm.put("b_valid", ModuleEmitter.name(w.bValid()));
                wm.put("b_ready", ModuleEmitter.name(w.bReady()));
                wm.put("data_bytes", w.dataBytes());
                mems.add(wm);
            }
            m.put("write_memories", mems);
        }
        m.put("params", top.params());
        m.put("files", new ArrayList<Object>(files));
        m.put("sim_files", new ArrayList<Object>(simFiles));
        return Json.write(m);
    }
}
