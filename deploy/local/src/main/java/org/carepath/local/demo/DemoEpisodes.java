package org.carepath.local.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The sample episodes in {@code src/main/resources/demo/}, in the order the demo sends them. */
public final class DemoEpisodes {

    /** Listed rather than scanned: a classpath folder cannot be listed portably inside a fat jar. */
    public static final List<String> FILES = List.of(
            "demo/01-acute-lifting-medicare-medigap.json",
            "demo/02-red-flag-bladder-bowel-loss.json",
            "demo/03-chronic-leg-tingling.json",
            "demo/04-workplace-injury-workers-comp.json",
            "demo/05-car-accident-no-fault.json");

    private DemoEpisodes() {}

    public static List<DemoEpisode> load(JsonMapper json) {
        return FILES.stream().map(file -> read(json, file)).toList();
    }

    static DemoEpisode read(JsonMapper json, String file) {
        JsonNode sample = json.readTree(resource(file));
        JsonNode report = sample.path("report");
        if (!report.isObject()) {
            throw new IllegalStateException(file + ": \"report\" must be an object");
        }
        if (report.has("onsetDate")) {
            throw new IllegalStateException(file + ": give \"onsetDaysAgo\", not a fixed \"onsetDate\"");
        }
        return new DemoEpisode(
                file,
                sample.path("title").asString(file),
                sample.path("onsetDaysAgo").asInt(0),
                (ObjectNode) report);
    }

    private static byte[] resource(String file) {
        try (InputStream in = DemoEpisodes.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("demo file missing from the jar: " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
