package dev.accelgen.reports.data;

/**
 * Everything a report shows, in sections: {@code build} always, the others when the command that wrote the build
 * directory produced them (null otherwise). Producers build it with {@link #of} and the {@code with} methods.
 */
public record ReportData(BuildInfo build, LayerTable layers, ResourceModel resourceModel, Synthesis synthesis,
        Performance performance, Verification verification, Quantization quantization) {
    public ReportData {
        Check.present("build", build);
    }

    public static ReportData of(BuildInfo build) {
        return new ReportData(build, null, null, null, null, null, null);
    }

    public ReportData withLayers(LayerTable v) {
        return new ReportData(build, v, resourceModel, synthesis, performance, verification, quantization);
    }

    public ReportData withResourceModel(ResourceModel v) {
        return new ReportData(build, layers, v, synthesis, performance, verification, quantization);
    }

    public ReportData withSynthesis(Synthesis v) {
        return new ReportData(build, layers, resourceModel, v, performance, verification, quantization);
    }

    public ReportData withPerformance(Performance v) {
        return new ReportData(build, layers, resourceModel, synthesis, v, verification, quantization);
    }

    public ReportData withVerification(Verification v) {
        return new ReportData(build, layers, resourceModel, synthesis, performance, v, quantization);
    }

    public ReportData withQuantization(Quantization v) {
        return new ReportData(build, layers, resourceModel, synthesis, performance, verification, v);
    }
}
