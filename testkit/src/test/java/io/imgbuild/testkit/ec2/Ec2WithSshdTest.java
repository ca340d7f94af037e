package io.imgbuild.testkit.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imgbuild.testkit.Commands;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateKeyPairResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceType;
import tools.jackson.databind.JsonNode;

/**
 * Instances of the simulator log in for real: the OpenSSH client, with the key pair an instance was
 * launched with, against the sshd that {@link Ec2WithSshd} starts; and no longer once it is terminated.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class Ec2WithSshdTest {

    @TempDir Path tmp;
    Ec2WithSshd cloud;
    Ec2Client client;

    @BeforeEach
    void start() throws Exception {
        cloud = Ec2WithSshd.start(Timings.uniform(Duration.ofMillis(300)));
        client = Ec2Client.builder()
                .endpointOverride(cloud.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (cloud != null) {
            Path keys = cloud.sshd().extraAuthorizedKeysFile();
            cloud.close();
            assertFalse(Files.exists(keys), keys + " left behind");
            assertFalse(Files.exists(cloud.sshd().workDir()), cloud.sshd().workDir() + " left behind");
        }
    }

    @Test
    void anImportedEd25519KeyLogsInWhileTheInstanceRunsAndNotOnceItIsTerminated() throws Exception {
        Path key = tmp.resolve("id_ed25519");
        Commands.check(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "imported", "-f", key.toString()));
        String publicKey = Files.readString(Path.of(key + ".pub"), StandardCharsets.UTF_8);
        client.importKeyPair(r -> r.keyName("imported").publicKeyMaterial(SdkBytes.fromUtf8String(publicKey)));
        assertRefused(key); // no instance yet

        Instance running = launchAndAwaitRunning("imported");
        assertEquals("127.0.0.1", running.publicIpAddress());
        assertEquals("127.0.0.1", running.privateIpAddress());
        assertEquals("localhost", running.publicDnsName());
        assertEquals("localhost", running.privateDnsName());
        assertLogsIn(key);
        assertTrue(cloud.sshd().log().contains("Accepted publickey for " + cloud.user()), cloud.sshd().log());

        // the test user's own key still works alongside the instances' file
        assertLogsIn(cloud.sshd().privateKey());

        terminate(running.instanceId());
        assertRefused(key);
        client.deleteKeyPair(r -> r.keyName("imported"));
        assertTrue(cloud.simulator().leftovers().isEmpty(), cloud.simulator().leftovers().toString());
    }

    @Test
    void anRsaKeyFromCreateKeyPairLogsInEvenAfterItsKeyPairIsDeleted() throws Exception {
        CreateKeyPairResponse made = client.createKeyPair(r -> r.keyName("packer_rsa"));
        assertTrue(made.keyMaterial().startsWith("-----BEGIN RSA PRIVATE KEY-----"), made.keyMaterial());
        Path key = writePrivateKey("packer_rsa.pem", made.keyMaterial());

        Instance running = launchAndAwaitRunning("packer_rsa");
        assertLogsIn(key);
        // EC2 leaves the key installed on a running instance when its key pair is deleted (Packer's
        // cleanup deletes it only after termination, but a user may do it any time)
        client.deleteKeyPair(r -> r.keyName("packer_rsa"));
        assertLogsIn(key);

        terminate(running.instanceId());
        assertRefused(key);
        assertEquals("", Files.readString(cloud.sshd().extraAuthorizedKeysFile()));

        Ec2Exception wrongType = assertThrows(Ec2Exception.class,
                () -> client.createKeyPair(r -> r.keyName("dsa").keyType("dsa")));
        assertEquals("InvalidParameterValue", wrongType.awsErrorDetails().errorCode());
    }

    @Test
    void anEd25519KeyFromCreateKeyPairIsWhatAwscliAndOpensshRead() throws Exception {
        assertTrue(Files.isExecutable(AwsCli.AWS), "Debian's awscli is missing: run scripts/setup");
        try (AwsCli aws = new AwsCli(cloud.endpoint().toString())) {
            JsonNode made = aws.ok("create-key-pair", "--key-name", "packer_ed25519", "--key-type", "ed25519");
            String material = made.get("KeyMaterial").asString();
            assertTrue(material.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n"), material);
            Path key = writePrivateKey("packer_ed25519", material);

            // the public key ssh-keygen derives from the private one is the stored one, and the
            // fingerprint is its base64 SHA-256, the same as ssh-keygen -l prints (less "SHA256:" and padding)
            String derived = Commands.check(List.of("ssh-keygen", "-y", "-f", key.toString())).strip();
            assertTrue(derived.startsWith("ssh-ed25519 "), derived);
            JsonNode described = aws.ok("describe-key-pairs", "--key-names", "packer_ed25519", "--include-public-key")
                    .get("KeyPairs").get(0);
            assertEquals("ed25519", described.get("KeyType").asString());
            assertTrue(described.get("PublicKey").asString().startsWith(derived), described + " vs " + derived);
            String fingerprint = made.get("KeyFingerprint").asString();
            assertEquals(fingerprint, described.get("KeyFingerprint").asString());
            byte[] blob = Base64.getDecoder().decode(derived.split(" ")[1]);
            assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob)), fingerprint);
            String keygen = Commands.check(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", key.toString()));
            assertTrue(keygen.startsWith("256 SHA256:" + fingerprint.replace("=", "") + " "), keygen + " vs " + fingerprint);

            String image = debian();
            String instance = aws.ok("run-instances", "--image-id", image, "--instance-type", "t3.micro",
                    "--key-name", "packer_ed25519").get("Instances").get(0).get("InstanceId").asString();
            aws.ok("wait", "instance-running", "--instance-ids", instance);
            JsonNode described2 = aws.ok("describe-instances", "--instance-ids", instance,
                    "--query", "Reservations[0].Instances[0]");
            assertEquals("packer_ed25519", described2.get("KeyName").asString());
            assertEquals("127.0.0.1", described2.get("PublicIpAddress").asString());
            assertLogsIn(key);

            aws.ok("terminate-instances", "--instance-ids", instance);
            aws.ok("wait", "instance-terminated", "--instance-ids", instance);
            assertRefused(key);
            aws.ok("delete-key-pair", "--key-name", "packer_ed25519");
        }
    }

    // --- the simulated cloud ---

    private String debian() {
        return client.describeImages(r -> r.owners("136693071363").filters(
                        Filter.builder().name("name").values("debian-12-amd64-*").build()))
                .images().stream().max(java.util.Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
    }

    private Instance launchAndAwaitRunning(String keyName) {
        String id = client.runInstances(r -> r.imageId(debian()).instanceType(InstanceType.T3_MICRO)
                .minCount(1).maxCount(1).keyName(keyName)).instances().get(0).instanceId();
        return client.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id), quickPolls())
                .matched().response().orElseThrow().reservations().get(0).instances().get(0);
    }

    private void terminate(String id) {
        client.terminateInstances(r -> r.instanceIds(id));
        client.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(id), quickPolls());
    }

    private static java.util.function.Consumer<WaiterOverrideConfiguration.Builder> quickPolls() {
        return w -> w.maxAttempts(40).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(100)));
    }

    /** The private key exactly as the API returned it (no newline added), mode 0600 as ssh wants. */
    private Path writePrivateKey(String name, String material) throws Exception {
        Path key = tmp.resolve(name);
        Files.createFile(key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(key, material, StandardCharsets.US_ASCII);
        return key;
    }

    // --- the real OpenSSH client ---

    private void assertLogsIn(Path key) throws Exception {
        Commands.Result result = ssh(key, "id -un");
        assertEquals(0, result.exitCode(), () -> result.output() + "\n--- sshd log ---\n" + cloud.sshd().log());
        assertEquals(cloud.user() + "\n", result.output());
    }

    private void assertRefused(Path key) throws Exception {
        Commands.Result result = ssh(key, "true");
        assertEquals(255, result.exitCode(), result.output());
        assertTrue(result.output().contains("Permission denied (publickey"), result.output());
    }

    /** {@code ssh -i key -p PORT user@127.0.0.1 command}, batch mode, the host key checked. */
    private Commands.Result ssh(Path key, String command) throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, cloud.sshd().knownHostsLine() + "\n");
        List<String> ssh = new ArrayList<>(List.of("ssh", "-F", "/dev/null", "-p", Integer.toString(cloud.sshPort()),
                "-o", "BatchMode=yes", "-o", "UserKnownHostsFile=" + knownHosts, "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "StrictHostKeyChecking=yes", "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none",
                "-o", "ConnectTimeout=10", "-o", "LogLevel=ERROR", "-i", key.toString(),
                cloud.user() + "@" + cloud.sshHost(), command));
        return Commands.run(ssh, null, Duration.ofSeconds(60));
    }
}
