package io.imgbuild.testkit.ec2;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
  * Writes an action's answer as EC2 does: {@code <ActionResponse xmlns=...>} with the request ID,
  * then the output shape's members under their locationNames, lists as {@code <item>} elements.
  * Handlers give values keyed by the model's member names; a name the shape lacks is a bug in the
  * simulator and fails loudly rather than vanishing from the answer.
  */
final class XmlOutput {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final ServiceModel model;

    XmlOutput(ServiceModel model) {
        this.model = model;
    }

    /** {@code outputShape} null: the action answers {@code <return>true</return>}, as EC2 does. */
    String answer(String action, String requestId, String outputShape, Map<String, Object> values) {
        StringBuilder xml = new StringBuilder(512);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(action).append("Response xmlns=\"")
                .append(NAMESPACE).append("\">");
        element(xml, "requestId", requestId);
        if (outputShape == null) {
            element(xml, "return", "true");
        } else {
            members(xml, model.shape(outputShape), outputShape, values);
        }
        return xml.append("</").append(action).append("Response>").toString();
    }

    static String error(String code, String message, String requestId) {
        StringBuilder xml = new StringBuilder(256);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error>");
        element(xml, "Code", code);
        element(xml, "Message", message);
        xml.append("</Error></Errors>");
        element(xml, "RequestID", requestId);
        return xml.append("</Response>").toString();
    }

    private void members(StringBuilder xml, JsonNode shape, String shapeName, Map<String, Object> values) {
        JsonNode members = shape.get("members");
        values.forEach((name, value) -> {
            JsonNode ref = members.get(name);
            if (ref == null) {
                throw new IllegalStateException("EC2 shape " + shapeName + " has no member " + name);
            }
            if (value != null) {
                JsonNode locationName = ref.get("locationName");
                write(xml, locationName == null ? name : locationName.asString(), ref.get("shape").asString(), value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private void write(StringBuilder xml, String element, String shapeName, Object value) {
        JsonNode shape = model.shape(shapeName);
        String type = shape.get("type").asString();
        switch (type) {
            case "structure" -> {
                xml.append('<').append(element).append('>');
                members(xml, shape, shapeName, (Map<String, Object>) value);
                xml.append("</").append(element).append('>');
            }
            case "list" -> {
                JsonNode member = shape.get("member");
                String itemName = member.has("locationName") ? member.get("locationName").asString() : "member";
                xml.append('<').append(element).append('>');
                for (Object item : (List<Object>) value) {
                    write(xml, itemName, member.get("shape").asString(), item);
                }
                xml.append("</").append(element).append('>');
            }
            case "timestamp" -> element(xml, element, value instanceof Instant t ? TIMESTAMP.format(t) : value.toString());
            case "blob" -> element(xml, element, value instanceof byte[] b ? Base64.getEncoder().encodeToString(b) : value.toString());
            default -> element(xml, element, value.toString());
        }
    }

    private static void element(StringBuilder xml, String name, String text) {
        xml.append('<').append(name).append('>');
        escape(xml, text);
        xml.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\r' -> xml.append("&#13;");
                default -> xml.append(c);
            }
        }
    }
}
