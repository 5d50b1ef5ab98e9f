package io.newsflow.contract.health;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.contract.Json;
import java.util.List;

/**
 * The answer of {@code /health/live} or {@code /health/ready}: up when every check is up. On the wire it is
 * {@code {"status":"UP","checks":[{"name":"kafka","status":"UP","state":"REACHABLE","detail":"..."}]}} with HTTP 200,
 * or {@code "DOWN"} with 503.
 */
public record HealthReport(boolean up, List<HealthCheck> checks) {

    public static final String MEDIA_TYPE = "application/json";

    public HealthReport {
        checks = List.copyOf(checks);
    }

    public static HealthReport of(List<HealthCheck> checks) {
        return new HealthReport(checks.stream().allMatch(HealthCheck::up), checks);
    }

    public int httpStatus() {
        return up ? 200 : 503;
    }

    public String toJson() {
        ObjectNode root = Json.mapper().createObjectNode().put("status", word(up));
        ArrayNode array = root.putArray("checks");
        for (HealthCheck check : checks) {
            ObjectNode node = array.addObject().put("name", check.name()).put("status", word(check.up()))
                    .put("state", check.state());
            if (check.detail() != null) {
                node.put("detail", check.detail());
            }
        }
        return root.toString();
    }

    private static String word(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
