package io.imgbuild.testkit.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** ModifyImageAttribute and DescribeImageAttribute: launch permissions and the description. */
final class ImageAttributeActions {

    private ImageAttributeActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("ModifyImageAttribute", ImageAttributeActions::modify);
        actions.put("DescribeImageAttribute", ImageAttributeActions::describe);
    }

    private static Image owned(Action.Call call) {
        Image image = call.region().image(call.params().string("ImageId"), call.now());
        if (!image.ownerId.equals(call.world().accountId)) {
            throw Ec2Error.client("AuthFailure", "Not authorized for image:" + image.id);
        }
        return image;
    }

    private static Map<String, Object> modify(Action.Call call) {
        Params p = call.params();
        Image image = owned(call);
        Params description = p.struct("Description");
        if (description != null) {
            image.description = description.string("Value", "");
            return null;
        }
        String attribute = p.string("Attribute");
        if (attribute != null && attribute.equals("description")) {
            image.description = p.string("Value", "");
            return null;
        }
        Params modifications = p.struct("LaunchPermission");
        if (modifications != null) {
            modifications.structs("Add").forEach(perm -> grant(image, perm.string("UserId"), perm.string("Group"), true));
            modifications.structs("Remove").forEach(perm -> grant(image, perm.string("UserId"), perm.string("Group"), false));
            return null;
        }
        if (attribute != null && attribute.equals("launchPermission")) {
            String operation = p.string("OperationType");
            if (!"add".equals(operation) && !"remove".equals(operation)) {
                throw Ec2Error.invalidValue("Value (" + operation + ") for parameter OperationType is invalid: add or remove");
            }
            p.strings("UserIds").forEach(user -> grant(image, user, null, operation.equals("add")));
            p.strings("UserGroups").forEach(group -> grant(image, null, group, operation.equals("add")));
            return null;
        }
        throw Ec2Error.missing("LaunchPermission, Description or Attribute");
    }

    private static void grant(Image image, String userId, String group, boolean add) {
        if (userId != null) {
            if (!userId.matches("[0-9]{12}")) {
                throw Ec2Error.client("InvalidUserID.Malformed", "User ID '" + userId + "' is not valid: an account ID is 12 digits");
            }
            if (add) {
                image.launchUserIds.add(userId);
            } else {
                image.launchUserIds.remove(userId);
            }
        }
        if (group != null) {
            if (!group.equals("all")) {
                throw Ec2Error.invalidValue("Value (" + group + ") for parameter Group is invalid: the only group is 'all'");
            }
            if (add) {
                image.launchGroups.add(group);
            } else {
                image.launchGroups.remove(group);
            }
        }
    }

    private static Map<String, Object> describe(Action.Call call) {
        Image image = owned(call);
        String attribute = call.params().string("Attribute");
        return switch (attribute) {
            case "launchPermission" -> {
                List<Object> permissions = new ArrayList<>();
                image.launchGroups.forEach(g -> permissions.add(Fields.of("Group", g)));
                image.launchUserIds.forEach(u -> permissions.add(Fields.of("UserId", u)));
                yield Fields.of("ImageId", image.id, "LaunchPermissions", permissions);
            }
            case "description" -> Fields.of("ImageId", image.id, "Description", Fields.of("Value", image.description));
            case "blockDeviceMapping" -> Fields.of("ImageId", image.id, "BlockDeviceMappings", Views.image(image).get("BlockDeviceMappings"));
            case "sriovNetSupport" -> Fields.of("ImageId", image.id, "SriovNetSupport", Fields.of("Value", image.sriovNetSupport));
            case "bootMode" -> Fields.of("ImageId", image.id, "BootMode", Fields.of("Value", image.bootMode));
            default -> throw Ec2Error.invalidValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        };
    }
}
