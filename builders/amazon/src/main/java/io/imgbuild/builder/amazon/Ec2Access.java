package io.imgbuild.builder.amazon;

import io.imgbuild.core.ui.BuildUi;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The build's EC2 clients, one per region, made on first use and closed together. Every client
 * shares one HTTP connection pool, the JVM-wide adaptive retry strategy and the retry log.
 */
final class Ec2Access implements AutoCloseable {

    private final Ec2Settings settings;
    private final BuildUi ui;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();

    Ec2Access(Ec2Settings settings, BuildUi ui) {
        this.settings = settings;
        this.ui = ui;
        AttributeMap.Builder http = AttributeMap.builder();
        if (settings.insecureSkipTlsVerify()) {
            http.put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, true);
        }
        this.http = Apache5HttpClient.builder().buildWithDefaults(http.build());
        this.credentials = credentials(settings);
    }

    Ec2Settings settings() {
        return settings;
    }

    /** The build region's client. */
    Ec2Client ec2() {
        return ec2(settings.region());
    }

    Ec2Client ec2(String region) {
        return clients.computeIfAbsent(region, this::open);
    }

    private Ec2Client open(String region) {
        var builder = Ec2Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryStrategies.adaptive(settings.maxRetries()))
                        .addExecutionInterceptor(new RetryLog(ui, region, settings.maxRetries()))
                        .build());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Ec2Settings s) {
        if (notEmpty(s.accessKey())) {
            return StaticCredentialsProvider.create(notEmpty(s.token())
                    ? AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.token())
                    : AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
        }
        if (notEmpty(s.profile()) || s.sharedCredentialsFile() != null) {
            var b = ProfileCredentialsProvider.builder();
            if (notEmpty(s.profile())) {
                b.profileName(s.profile());
            }
            if (s.sharedCredentialsFile() != null) {
                b.profileFile(ProfileFile.builder().content(s.sharedCredentialsFile())
                        .type(ProfileFile.Type.CREDENTIALS).build());
            }
            return b.build();
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    @Override
    public void close() {
        clients.values().forEach(Ec2Client::close);
        clients.clear();
        http.close();
    }
}
