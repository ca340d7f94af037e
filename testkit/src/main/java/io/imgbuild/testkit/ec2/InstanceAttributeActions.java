package io.imgbuild.testkit.ec2;

import java.util.Base64;
import java.util.Map;

/**
  * ModifyInstanceAttribute (one attribute per call, in either of EC2's two forms: {@code
  * EnaSupport.Value=true} or {@code Attribute=enaSupport&Value=true}) and DescribeInstanceAttribute.
  */
final class InstanceAttributeActions {

    private InstanceAttributeActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("ModifyInstanceAttribute", InstanceAttributeActions::modify);
        actions.put("DescribeInstanceAttribute", InstanceAttributeActions::describe);
    }

    private static Map<String, Object> modify(Action.Call call) {
        Params p = call.params();
        Instance instance = call.region().instance(p.string("InstanceId"), call.now());
        String attribute = p.string("Attribute");
        String value = p.string("Value");
        if (attribute != null && value == null) {
            throw Ec2Error.missing("Value");
        }
        if (flag(p, "SourceDestCheck") != null || "sourceDestCheck".equals(attribute)) {
            instance.sourceDestCheck = attribute != null ? Boolean.parseBoolean(value) : flag(p, "SourceDestCheck");
        } else if (flag(p, "DisableApiTermination") != null || "disableApiTermination".equals(attribute)) {
            instance.disableApiTermination = attribute != null ? Boolean.parseBoolean(value) : flag(p, "DisableApiTermination");
        } else if (flag(p, "EnaSupport") != null || "enaSupport".equals(attribute)) {
            stopped(instance);
            instance.enaSupport = attribute != null ? Boolean.parseBoolean(value) : flag(p, "EnaSupport");
        } else if (flag(p, "EbsOptimized") != null || "ebsOptimized".equals(attribute)) {
            stopped(instance);
            instance.ebsOptimized = attribute != null ? Boolean.parseBoolean(value) : flag(p, "EbsOptimized");
        } else if (text(p, "SriovNetSupport") != null || "sriovNetSupport".equals(attribute)) {
            stopped(instance);
            String support = attribute != null ? value : text(p, "SriovNetSupport");
            if (!support.equals("simple")) {
                throw Ec2Error.invalidValue("Value (" + support + ") for parameter sriovNetSupport is invalid. The only value is 'simple'.");
            }
            instance.sriovNetSupport = support;
        } else if (text(p, "InstanceType") != null || "instanceType".equals(attribute)) {
            stopped(instance);
            instance.instanceType = attribute != null ? value : text(p, "InstanceType");
        } else if (text(p, "InstanceInitiatedShutdownBehavior") != null || "instanceInitiatedShutdownBehavior".equals(attribute)) {
            String behavior = attribute != null ? value : text(p, "InstanceInitiatedShutdownBehavior");
            if (!behavior.equals("stop") && !behavior.equals("terminate")) {
                throw Ec2Error.invalidValue("Value (" + behavior + ") for parameter instanceInitiatedShutdownBehavior is invalid: stop or terminate");
            }
            instance.shutdownBehavior = behavior;
        } else if (p.struct("UserData") != null || "userData".equals(attribute)) {
            stopped(instance);
            byte[] data = attribute != null ? Base64.getMimeDecoder().decode(value) : p.struct("UserData").bytes("Value");
            instance.userData = data == null || data.length == 0 ? null : Base64.getEncoder().encodeToString(data);
        } else if (!p.strings("Groups").isEmpty()) {
            for (String id : p.strings("Groups")) {
                call.region().securityGroup(id);
            }
            instance.securityGroupIds.clear();
            instance.securityGroupIds.addAll(p.strings("Groups"));
        } else {
            throw Ec2Error.missing("an attribute to modify (for example EnaSupport.Value)");
        }
        return null;
    }

    private static Boolean flag(Params p, String member) {
        Params wrapper = p.struct(member);
        return wrapper == null || !wrapper.has("Value") ? null : wrapper.flag("Value", false);
    }

    private static String text(Params p, String member) {
        Params wrapper = p.struct(member);
        return wrapper == null ? null : wrapper.string("Value");
    }

    private static void stopped(Instance instance) {
        if (instance.state != InstanceState.STOPPED) {
            throw Ec2Error.client("IncorrectInstanceState", "The instance '" + instance.id + "' is not in the 'stopped' state.");
        }
    }

    private static Map<String, Object> describe(Action.Call call) {
        Instance i = call.region().instance(call.params().string("InstanceId"), call.now());
        String attribute = call.params().string("Attribute");
        Map<String, Object> answer = Fields.of("InstanceId", i.id);
        switch (attribute) {
            case "instanceType" -> answer.put("InstanceType", Fields.of("Value", i.instanceType));
            case "userData" -> answer.put("UserData", Fields.of("Value", i.userData));
            case "disableApiTermination" -> answer.put("DisableApiTermination", Fields.of("Value", i.disableApiTermination));
            case "instanceInitiatedShutdownBehavior" -> answer.put("InstanceInitiatedShutdownBehavior", Fields.of("Value", i.shutdownBehavior));
            case "rootDeviceName" -> answer.put("RootDeviceName", Fields.of("Value", i.rootDeviceName));
            case "sourceDestCheck" -> answer.put("SourceDestCheck", Fields.of("Value", i.sourceDestCheck));
            case "enaSupport" -> answer.put("EnaSupport", Fields.of("Value", i.enaSupport));
            case "ebsOptimized" -> answer.put("EbsOptimized", Fields.of("Value", i.ebsOptimized));
            case "sriovNetSupport" -> answer.put("SriovNetSupport", Fields.of("Value", i.sriovNetSupport));
            case "groupSet" -> answer.put("Groups", i.securityGroupIds.stream().map(id -> (Object) Fields.of("GroupId", id)).toList());
            default -> throw Ec2Error.invalidValue("Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        return answer;
    }
}
