package io.quotewire.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.core.StreamReadFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard and the Prometheus rules in deploy/monitoring, and the metric names they use. */
final class Monitoring {

    static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final ObjectMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A metric name: followed by a selector, a range, or the end of a function argument or expression. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:quotewire|http)_[a-z0-9_]+)\\b");

    private Monitoring() {
    }

    static Path dir() {
        return DeployDir.get().resolve("monitoring");
    }

    static JsonNode dashboard() {
        try {
            return JSON.readTree(dir().resolve("quotewire-dashboard.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode rules() {
        try {
            return YAML.readTree(dir().resolve("prometheus-rules.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every PromQL expression of the dashboard's panels and of the rules. */
    static List<String> expressions() {
        List<String> exprs = new ArrayList<>();
        dashboard().path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        rules().path("groups").forEach(g -> g.path("rules").forEach(r -> exprs.add(r.path("expr").asText())));
        return exprs;
    }

    /** The metric names (as Prometheus exposes them) the expressions read. */
    static Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        for (String expr : expressions()) {
            Matcher m = METRIC.matcher(expr);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /**
     * The Micrometer name behind a Prometheus sample name: without the sample suffix
     * (_total, _bucket, _count, _sum, _max) and the base unit (_seconds), dots for underscores.
     */
    static String micrometerName(String prometheusName) {
        String name = prometheusName.replaceFirst("_(total|bucket|count|sum|max)$", "").replaceFirst("_seconds$", "");
        return name.replace('_', '.');
    }
}
