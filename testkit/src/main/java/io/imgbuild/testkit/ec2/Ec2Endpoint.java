package io.imgbuild.testkit.ec2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
  * The EC2 Query API over HTTP: form-encoded POST (or GET with a query string) with Action and
  * Version, answered in XML. The region is the path's first segment ({@code /us-west-2/}) if there
  * is one, else the region the request was signed for, else the simulator's first region.
  */
final class Ec2Endpoint implements HttpHandler {

    private static final String API_VERSION = "2016-11-15";

    private final World world;
    private final ServiceModel model;
    private final QueryInput input;
    private final XmlOutput output;
    private final Map<String, Action> actions;
    private final List<Ec2Call> calls = new CopyOnWriteArrayList<>();

    Ec2Endpoint(World world, ServiceModel model, Map<String, Action> actions) {
        this.world = world;
        this.model = model;
        this.input = new QueryInput(model);
        this.output = new XmlOutput(model);
        this.actions = actions;
    }

    List<Ec2Call> calls() {
        return calls;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String region = null;
        String action = null;
        try (exchange) {
            try {
                Map<String, String> params = parameters(exchange);
                RequestAuth.Scope scope = RequestAuth.check(exchange.getRequestHeaders().getFirst("Authorization"), params,
                        world.accessKeyId);
                region = region(exchange.getRequestURI().getPath(), scope);
                action = params.remove("Action");
                String answer = answer(action, region, params, requestId);
                holdBack(action);
                send(exchange, 200, answer);
                calls.add(new Ec2Call(world.now(), region, action, 200, null));
            } catch (Ec2Error e) {
                send(exchange, e.status(), XmlOutput.error(e.code(), e.getMessage(), requestId));
                calls.add(new Ec2Call(world.now(), region, action, e.status(), e.code()));
            } catch (RuntimeException e) {
                System.err.println("imgbuild-sim ec2: " + action + " failed inside the simulator:");
                e.printStackTrace();
                send(exchange, 500, XmlOutput.error("InternalError", "The simulator failed: " + e, requestId));
                calls.add(new Ec2Call(world.now(), region, action, 500, "InternalError"));
            }
        }
    }

    private void holdBack(String action) {
        Duration delay = world.faults.delayOf(action);
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the simulator is closing: answer at once
            }
        }
    }

    private String answer(String action, String region, Map<String, String> params, String requestId) {
        if (action == null || action.isEmpty()) {
            throw Ec2Error.client("MissingAction", "The request must contain the parameter Action");
        }
        String version = params.remove("Version");
        if (version == null || version.isEmpty()) {
            throw Ec2Error.missing("Version");
        }
        if (!version.matches("\\d{4}-\\d{2}-\\d{2}") || version.compareTo(API_VERSION) > 0) {
            throw Ec2Error.client("NoSuchVersion", "The requested version (" + version + ") of service AmazonEC2 does not exist");
        }
        Ec2Error fault = world.faults.draw();
        if (fault != null) {
            throw fault;
        }
        JsonNode operation = model.operation(action).orElseThrow(() ->
                Ec2Error.client("InvalidAction", "The action " + action + " is not valid for this web service."));
        Action handler = actions.get(action);
        if (handler == null) {
            throw Ec2Error.client("Unsupported", "The action " + action + " is not simulated by imgbuild's EC2 simulator.");
        }
        params.keySet().removeIf(k -> k.startsWith("X-Amz-"));
        Params decoded = input.read(params, ServiceModel.shapeName(operation, "input").orElse(null));
        if (decoded.flag("DryRun", false)) {
            throw new Ec2Error(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
        }
        Map<String, Object> values;
        synchronized (world) {
            world.advance();
            RegionState state = world.regions.get(region);
            values = handler.run(new Action.Call(world, state, decoded, world.now()));
            world.syncAuthorizedKeys();
        }
        return output.answer(action, requestId, ServiceModel.shapeName(operation, "output").orElse(null),
                values == null ? Map.of() : values);
    }

    private String region(String path, RequestAuth.Scope scope) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        if (trimmed.contains("/")) {
            throw new Ec2Error(404, "InvalidAction", "No EC2 endpoint at " + path + ": use / or /<region>/");
        }
        String region = !trimmed.isEmpty() ? trimmed : scope.region() != null ? scope.region() : world.defaultRegion;
        if (!world.regions.containsKey(region)) {
            throw new Ec2Error(401, "AuthFailure", "Credential should be scoped to a valid region, not '" + region
                    + "': imgbuild's EC2 simulator serves " + String.join(", ", world.regions.keySet()));
        }
        return region;
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        decode(exchange.getRequestURI().getRawQuery(), params);
        if (exchange.getRequestMethod().equals("POST")) {
            decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8), params);
        } else if (!exchange.getRequestMethod().equals("GET")) {
            throw new Ec2Error(405, "InvalidHttpRequest", "EC2 answers GET and POST, not " + exchange.getRequestMethod());
        }
        return params;
    }

    private static void decode(String form, Map<String, String> into) {
        if (form == null || form.isEmpty()) {
            return;
        }
        for (String pair : form.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            into.put(name, value);
        }
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", body.startsWith("{") || body.startsWith("[")
                ? "application/json" : "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
