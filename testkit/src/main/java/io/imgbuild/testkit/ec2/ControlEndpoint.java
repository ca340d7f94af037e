package io.imgbuild.testkit.ec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.imgbuild.core.util.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
  * The simulator's own small HTTP API under {@code /_sim/}, for a process outside the JVM:
  * {@code GET /_sim/leftovers}, {@code GET /_sim/calls}, {@code GET /_sim/faults}, and
  * {@code POST /_sim/faults} with form fields {@code throttle}, {@code serverErrors} (shares from
  * 0 to 1), {@code notFoundAfterCreateMs} and {@code slow} ({@code Action:millis}). Answers are JSON.
  */
final class ControlEndpoint implements HttpHandler {

    private final Ec2Simulator simulator;

    ControlEndpoint(Ec2Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            try {
                Object answer = switch (path) {
                    case "/_sim/leftovers" -> simulator.leftovers();
                    case "/_sim/calls" -> simulator.calls();
                    case "/_sim/faults" -> {
                        if (method.equals("POST")) {
                            setFaults(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                        }
                        yield faults();
                    }
                    default -> null;
                };
                if (answer == null) {
                    Ec2Endpoint.send(exchange, 404, Json.MAPPER.writeValueAsString(Map.of("error",
                            "no such control resource: " + path + " (there are /_sim/leftovers, /_sim/calls, /_sim/faults)")));
                } else {
                    Ec2Endpoint.send(exchange, 200, Json.MAPPER.writeValueAsString(answer));
                }
            } catch (IllegalArgumentException e) {
                Ec2Endpoint.send(exchange, 400, Json.MAPPER.writeValueAsString(Map.of("error", String.valueOf(e.getMessage()))));
            }
        }
    }

    private Map<String, Object> faults() {
        Faults f = simulator.faults();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("throttle", f.throttleShare());
        map.put("serverErrors", f.serverErrorShare());
        map.put("notFoundAfterCreateMs", f.notFoundAfterCreate().toMillis());
        map.put("throttledCalls", f.throttledCalls());
        map.put("serverErrorCalls", f.serverErrorCalls());
        return map;
    }

    /** {@code Action:millis}, e.g. {@code CreateTags:5000}; 0 makes the action quick again. */
    private static void slow(Faults f, String value) {
        int colon = value.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("slow=" + value + " is not Action:millis (e.g. slow=CreateTags:5000)");
        }
        f.slow(value.substring(0, colon), Duration.ofMillis(Long.parseLong(value.substring(colon + 1))));
    }

    private void setFaults(String form) {
        Faults f = simulator.faults();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            try {
                switch (name) {
                    case "throttle" -> f.throttle(Double.parseDouble(value));
                    case "serverErrors" -> f.serverErrors(Double.parseDouble(value));
                    case "notFoundAfterCreateMs" -> f.notFoundAfterCreate(Duration.ofMillis(Long.parseLong(value)));
                    case "slow" -> slow(f, value);
                    default -> throw new IllegalArgumentException("unknown fault " + name
                            + " (throttle, serverErrors, notFoundAfterCreateMs, slow)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + "=" + value + " is not a number");
            }
        }
    }
}
