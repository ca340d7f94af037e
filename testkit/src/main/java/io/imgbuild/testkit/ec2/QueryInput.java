package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads an EC2 Query request's flat parameters ({@code Filter.1.Value.2=x}) into the operation's
 * input shape, as the clients generated from the same model wrote them: a member is named by its
 * queryName, else its locationName with the first letter upper-cased, else its own name; list
 * items are numbered from 1. What the model requires must be there, and a parameter the model
 * does not know is refused, as EC2 refuses it.
 */
final class QueryInput {

  /** One dotted segment of the parameter names, with its value if a parameter ends here. */
  private static final class Node {
    final String path;
    String value;
    boolean read;
    final Map<String, Node> children = new LinkedHashMap<>();

    Node(String path) {
      this.path = path;
    }

    Node child(String segment) {
      return children.computeIfAbsent(segment, s -> new Node(path.isEmpty() ? s : path + "." + s));
    }
  }

  private final ServiceModel model;

  QueryInput(ServiceModel model) {
    this.model = model;
  }

  /** {@code parameters} without Action and Version; {@code inputShape} null for an action without input. */
  Params read(Map<String, String> parameters, String inputShape) {
    Node root = new Node("");
    parameters.forEach((name, value) -> {
      Node node = root;
      for (String segment : name.split("\\.", -1)) {
        node = node.child(segment);
      }
      node.value = value;
    });
    Map<String, Object> values = inputShape == null ? Map.of() : readStructure(model.shape(inputShape), root);
    rejectUnread(root);
    return new Params(values);
  }

  private Object read(JsonNode shape, Node node) {
    String type = shape.get("type").asString();
    switch (type) {
      case "structure":
        return readStructure(shape, node);
      case "list":
        return readList(shape, node);
      default:
        node.read = true;
        return scalar(type, node);
    }
  }

  private Map<String, Object> readStructure(JsonNode shape, Node node) {
    node.read = true;
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> member : shape.get("members").properties()) {
      Node child = node.children.get(serializedName(member.getKey(), member.getValue()));
      if (child != null) {
        values.put(member.getKey(), read(model.target(member.getValue()), child));
      }
    }
    JsonNode required = shape.get("required");
    if (required != null) {
      for (JsonNode name : required) {
        Object value = values.get(name.asString());
        if (value == null || value instanceof String s && s.isEmpty()) {
          String prefix = node.path.isEmpty() ? "" : node.path + ".";
          throw Ec2Error.missing(prefix + serializedName(name.asString(), shape.get("members").get(name.asString())));
        }
      }
    }
    return values;
  }

  private List<Object> readList(JsonNode shape, Node node) {
    node.read = true;
    JsonNode itemShape = model.target(shape.get("member"));
    TreeMap<Integer, Node> items = new TreeMap<>();
    node.children.forEach((segment, child) -> {
      try {
        items.put(Integer.parseInt(segment), child);
      } catch (NumberFormatException e) {
        // left unread: reported as an unknown parameter
      }
    });
    List<Object> values = new ArrayList<>();
    items.values().forEach(item -> values.add(read(itemShape, item)));
    return values;
  }

  private static Object scalar(String type, Node node) {
    String raw = node.value == null ? "" : node.value;
    switch (type) {
      case "integer":
      case "long":
        try {
          return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
          throw Ec2Error.invalidValue("Invalid value '" + raw + "' for " + node.path + ": an integer is expected");
        }
      case "boolean":
        if (!raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
          throw Ec2Error.invalidValue("Invalid value '" + raw + "' for " + node.path + ": true or false is expected");
        }
        return Boolean.parseBoolean(raw);
      case "blob":
        try {
          return Base64.getDecoder().decode(raw.trim());
        } catch (IllegalArgumentException e) {
          throw Ec2Error.invalidValue("Value for parameter " + node.path + " is invalid. Expecting base64 encoded data.");
        }
      default:
        return raw;
    }
  }

  /** queryName, else locationName with its first letter upper-cased, else the member's name. */
  static String serializedName(String memberName, JsonNode memberRef) {
    JsonNode queryName = memberRef.get("queryName");
    if (queryName != null) {
      return queryName.asString();
    }
    JsonNode locationName = memberRef.get("locationName");
    if (locationName != null) {
      String name = locationName.asString();
      return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
    return memberName;
  }

  private static void rejectUnread(Node node) {
    if (!node.read && !node.path.isEmpty()) {
      throw Ec2Error.client("UnknownParameter", "The parameter " + node.path + " is not recognized");
    }
    node.children.values().forEach(QueryInput::rejectUnread);
  }
}
