package io.imgbuild.testkit.ec2;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** CreateKeyPair, ImportKeyPair, DeleteKeyPair, DescribeKeyPairs. */
final class KeyPairActions {

    private static final Filters<KeyPair> FILTERS = Filters.of(KeyPair.class)
            .on("key-name", k -> k.name)
            .on("key-pair-id", k -> k.id)
            .on("fingerprint", k -> k.fingerprint)
            .on("key-type", k -> k.keyType);

    private KeyPairActions() {}

    static void register(Map<String, Action> actions) {
        actions.put("CreateKeyPair", KeyPairActions::create);
        actions.put("ImportKeyPair", KeyPairActions::importKey);
        actions.put("DeleteKeyPair", KeyPairActions::delete);
        actions.put("DescribeKeyPairs", KeyPairActions::describe);
    }

    private static KeyPair newPair(Action.Call call, String name) {
        if (name.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw Ec2Error.invalidValue("Value (" + name + ") for parameter KeyName is invalid: at most 255 ASCII characters");
        }
        if (call.region().keyPairs.containsKey(name)) {
            throw Ec2Error.client("InvalidKeyPair.Duplicate", "The keypair '" + name + "' already exists.");
        }
        KeyPair pair = new KeyPair(Ids.next("key"), call.now());
        pair.name = name;
        Tagging.add(pair, Tagging.specified(call.params(), "key-pair", List.of("key-pair")));
        return pair;
    }

    private static Map<String, Object> create(Action.Call call) {
        Params p = call.params();
        String keyType = p.string("KeyType", "rsa");
        if (!keyType.equals("rsa") && !keyType.equals("ed25519")) {
            throw Ec2Error.invalidValue("Value (" + keyType + ") for parameter KeyType is invalid. Valid values: rsa, ed25519");
        }
        if (!p.string("KeyFormat", "pem").equals("pem")) {
            throw Ec2Error.client("Unsupported", "imgbuild's EC2 simulator hands out PEM keys only (KeyFormat=pem)");
        }
        KeyPair pair = newPair(call, p.string("KeyName"));
        // EC2's "pem" for ed25519 is OpenSSH's own private key format
        KeyMaterial.Made made = keyType.equals("rsa") ? KeyMaterial.rsa(pair.name) : KeyMaterial.ed25519(pair.name);
        pair.keyType = keyType;
        pair.fingerprint = made.fingerprint();
        pair.publicKey = made.publicKeyLine();
        call.region().keyPairs.put(pair.name, pair);
        return Fields.of("KeyFingerprint", pair.fingerprint, "KeyMaterial", made.privateKeyPem(), "KeyName", pair.name,
                "KeyPairId", pair.id, "Tags", pair.tags.isEmpty() ? null : pair.tagList());
    }

    private static Map<String, Object> importKey(Action.Call call) {
        Params p = call.params();
        String[] imported = KeyMaterial.imported(new String(p.bytes("PublicKeyMaterial"), StandardCharsets.UTF_8));
        KeyPair pair = newPair(call, p.string("KeyName"));
        pair.fingerprint = imported[0];
        pair.keyType = imported[1];
        pair.publicKey = imported[2] + " " + pair.name;
        call.region().keyPairs.put(pair.name, pair);
        return Fields.of("KeyFingerprint", pair.fingerprint, "KeyName", pair.name, "KeyPairId", pair.id,
                "Tags", pair.tags.isEmpty() ? null : pair.tagList());
    }

    /** Deleting a key pair that is not there succeeds, as it does on EC2. */
    private static Map<String, Object> delete(Action.Call call) {
        Params p = call.params();
        String name = p.string("KeyName");
        String id = p.string("KeyPairId");
        if (name == null && id == null) {
            throw Ec2Error.missing("KeyName or KeyPairId");
        }
        call.region().keyPairs.values().removeIf(k -> k.name.equals(name) || k.id.equals(id));
        return null;
    }

    private static Map<String, Object> describe(Action.Call call) {
        Params p = call.params();
        Collection<KeyPair> pairs = call.region().keyPairs.values();
        if (!p.strings("KeyNames").isEmpty()) {
            List<KeyPair> named = new ArrayList<>();
            p.strings("KeyNames").forEach(n -> named.add(call.region().keyPair(n)));
            pairs = named;
        }
        if (!p.strings("KeyPairIds").isEmpty()) {
            List<String> ids = p.strings("KeyPairIds");
            for (String id : ids) {
                if (pairs.stream().noneMatch(k -> k.id.equals(id))) {
                    throw Ec2Error.client("InvalidKeyPair.NotFound", "The key pair ID '" + id + "' does not exist");
                }
            }
            pairs = pairs.stream().filter(k -> ids.contains(k.id)).toList();
        }
        boolean withPublicKey = p.flag("IncludePublicKey", false);
        return Fields.of("KeyPairs", FILTERS.apply(pairs, p.structs("Filters")).stream()
                .map(k -> (Object) Views.keyPair(k, withPublicKey)).toList());
    }
}
