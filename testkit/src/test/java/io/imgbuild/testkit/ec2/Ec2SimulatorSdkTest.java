package io.imgbuild.testkit.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceType;

/** AWS SDK for Java v2, the builder's own client, with its waiters and adaptive retry. */
class Ec2SimulatorSdkTest {

    Ec2Simulator ec2;

    @BeforeEach
    void start() throws Exception {
        ec2 = Ec2Simulator.start(Ec2Config.defaults().withTimings(Timings.uniform(Duration.ofMillis(300))));
    }

    @AfterEach
    void stop() {
        ec2.close();
    }

    private Ec2Client client(String accessKey) {
        return Ec2Client.builder()
                .endpointOverride(ec2.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                // Adaptive retry as the builder uses it. Its default 3 attempts lose a call now and then
                // when 30% are throttled (0.3^3 per call, over the ~40 calls here); 10 attempts do not.
                .overrideConfiguration(o -> o.retryStrategy(
                        AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(10).build()))
                .build();
    }

    private static java.util.function.Consumer<WaiterOverrideConfiguration.Builder> quickPolls() {
        return w -> w.maxAttempts(40).backoffStrategyV2(
                software.amazon.awssdk.retries.api.BackoffStrategy.fixedDelay(Duration.ofMillis(100)));
    }

    private String debian(Ec2Client client) {
        return client.describeImages(r -> r.owners("136693071363").filters(
                        Filter.builder().name("name").values("debian-12-amd64-*").build()))
                .images().stream().max(java.util.Comparator.comparing(Image::creationDate)).orElseThrow().imageId();
    }

    @Test
    void launchesWaitsImagesAndCleansUpWhileAThirdOfCallsAreThrottled() {
        ec2.faults().throttle(0.3);
        try (Ec2Client client = client("AKIDEXAMPLE")) {
            String key = client.createKeyPair(r -> r.keyName("sdk-key")).keyName();
            String group = client.createSecurityGroup(r -> r.groupName("sdk-sg").description("temporary")).groupId();
            Instance launched = client.runInstances(r -> r.imageId(debian(client)).instanceType(InstanceType.T3_MICRO)
                    .minCount(1).maxCount(1).keyName(key).securityGroupIds(group)).instances().get(0);
            Instance running = client.waiter().waitUntilInstanceRunning(r -> r.instanceIds(launched.instanceId()), quickPolls())
                    .matched().response().orElseThrow().reservations().get(0).instances().get(0);
            assertEquals(InstanceStateName.RUNNING, running.state().name());
            assertEquals("127.0.0.1", running.publicIpAddress());

            client.stopInstances(r -> r.instanceIds(launched.instanceId()));
            client.waiter().waitUntilInstanceStopped(r -> r.instanceIds(launched.instanceId()), quickPolls());
            String ami = client.createImage(r -> r.instanceId(launched.instanceId()).name("sdk-image")).imageId();
            Image image = client.waiter().waitUntilImageAvailable(r -> r.imageIds(ami), quickPolls())
                    .matched().response().orElseThrow().images().get(0);
            String snapshot = image.blockDeviceMappings().get(0).ebs().snapshotId();

            client.terminateInstances(r -> r.instanceIds(launched.instanceId()));
            client.waiter().waitUntilInstanceTerminated(r -> r.instanceIds(launched.instanceId()), quickPolls());
            client.deleteSecurityGroup(r -> r.groupId(group));
            client.deleteKeyPair(r -> r.keyName(key));
            client.deregisterImage(r -> r.imageId(ami));
            client.deleteSnapshot(r -> r.snapshotId(snapshot));
        }
        ec2.faults().clear();
        assertTrue(ec2.faults().throttledCalls() > 0, "some calls were throttled");
        assertTrue(ec2.calls().stream().anyMatch(c -> "RequestLimitExceeded".equals(c.errorCode()) && c.status() == 503));
        assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
    }

    @Test
    void theRunningWaiterRidesOutEventualConsistency() {
        ec2.faults().notFoundAfterCreate(Duration.ofMillis(800));
        try (Ec2Client client = client("AKIDEXAMPLE")) {
            String id = client.runInstances(r -> r.imageId(debian(client)).instanceType(InstanceType.T3_MICRO).minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            Ec2Exception early = assertThrows(Ec2Exception.class, () -> client.describeInstances(r -> r.instanceIds(id)));
            assertEquals("InvalidInstanceID.NotFound", early.awsErrorDetails().errorCode());
            client.waiter().waitUntilInstanceRunning(r -> r.instanceIds(id), quickPolls());
            client.terminateInstances(r -> r.instanceIds(id));
        }
    }

    @Test
    void aSlowActionAnswersLateButHasAlreadyDoneItsWork() throws Exception {
        ec2.faults().slow("CreateKeyPair", Duration.ofMillis(1500));
        try (Ec2Client client = client("AKIDEXAMPLE")) {
            long started = System.nanoTime();
            CompletableFuture<String> created = CompletableFuture.supplyAsync(
                    () -> client.createKeyPair(r -> r.keyName("slow-key")).keyName());
            Thread.sleep(500);
            assertFalse(created.isDone(), "the answer is still held back");
            assertEquals(1, client.describeKeyPairs().keyPairs().size(), "the key pair exists before the answer");
            assertEquals("slow-key", created.get(10, TimeUnit.SECONDS));
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 1500, "answered after the delay");
            ec2.faults().slow("CreateKeyPair", Duration.ZERO);
            long quick = System.nanoTime();
            client.createKeyPair(r -> r.keyName("quick-key"));
            assertTrue(Duration.ofNanos(System.nanoTime() - quick).toMillis() < 1500, "a zero delay clears it");
            client.deleteKeyPair(r -> r.keyName("slow-key"));
            client.deleteKeyPair(r -> r.keyName("quick-key"));
        }
        assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
    }

    @Test
    void aWrongAccessKeyIsAnAuthFailure() throws Exception {
        ec2.close();
        ec2 = Ec2Simulator.start(Ec2Config.defaults().withAccessKeyId("AKIDEXAMPLE"));
        try (Ec2Client client = client("AKIDWRONG")) {
            Ec2Exception e = assertThrows(Ec2Exception.class, () -> client.describeRegions());
            // JDK's HttpURLConnection hides a 401's body from the url-connection client (it would
            // answer the challenge), so the SDK sees the status without EC2's error code: the raw
            // protocol test checks the code itself.
            assertEquals(401, e.statusCode(), e.toString());
        }
    }
}
