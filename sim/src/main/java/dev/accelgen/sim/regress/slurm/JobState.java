package dev.accelgen.sim.regress.slurm;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One record of {@code scontrol show job -o}: job id, array task id (empty outside arrays; a range for tasks
 * not started yet), state, reason and exit status.
 */
public record JobState(String jobId, String arrayTaskId, String state, String reason, int exitCode) {
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "REQUEUED",
            "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT", "SUSPENDED", "STOPPED", "RESV_DEL_HOLD");

    /** The job will not change any more (COMPLETED, FAILED, CANCELLED, TIMEOUT, OUT_OF_MEMORY, ...). */
    public boolean ended() {
        return !ACTIVE.contains(state);
    }

    public boolean completed() {
        return state.equals("COMPLETED");
    }

    /** Parses every line of {@code scontrol show job -o} output. */
    public static List<JobState> parse(String scontrolOutput) {
        List<JobState> out = new ArrayList<>();
        for (String line : scontrolOutput.split("\n")) {
            String id = field(line, "JobId");
            if (!id.isEmpty()) {
                String exit = field(line, "ExitCode");
                int code = exit.matches("[0-9]+:[0-9]+") ? Integer.parseInt(exit.substring(0, exit.indexOf(':'))) : -1;
                out.add(new JobState(id, field(line, "ArrayTaskId"), field(line, "JobState"), field(line, "Reason"), code));
            }
        }
        return out;
    }

    private static String field(String line, String key) {
        Matcher m = Pattern.compile("(?:^|\\s)" + key + "=(\\S*)").matcher(line);
        return m.find() ? m.group(1) : "";
    }
}
