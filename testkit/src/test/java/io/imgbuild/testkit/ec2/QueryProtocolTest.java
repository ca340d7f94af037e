package io.imgbuild.testkit.ec2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The wire itself: requests as clients send them (some copied from Packer 1.6.6's), answers as EC2 gives them. */
class QueryProtocolTest {

    static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-east-1/ec2/aws4_request, "
            + "SignedHeaders=content-type;host;x-amz-date, Signature=0000";
    static Ec2Simulator ec2;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        ec2 = Ec2Simulator.start(Ec2Config.defaults().withTimings(Timings.uniform(Duration.ofMillis(100))));
    }

    @AfterAll
    static void stop() {
        ec2.close();
    }

    static HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(ec2.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                + "</Code><Message>"), response.body());
        assertTrue(response.body().matches("(?s).*</Errors><RequestID>[0-9a-f-]{36}</RequestID></Response>"), response.body());
    }

    @Test
    void refusesWhatEc2Refuses() throws Exception {
        assertError(post("Action=DescribeRegions&Version=2016-11-15", null), 401, "MissingAuthenticationToken");
        assertError(post("Action=LaunchRocket&Version=2016-11-15", AUTH), 400, "InvalidAction");
        assertError(post("Version=2016-11-15", AUTH), 400, "MissingAction");
        assertError(post("Action=DescribeRegions", AUTH), 400, "MissingParameter");
        assertError(post("Action=CreateImage&Version=2016-11-15&InstanceId=i-0123456789abcdef0", AUTH), 400, "MissingParameter");
        assertTrue(post("Action=CreateImage&Version=2016-11-15&InstanceId=i-0123456789abcdef0", AUTH).body()
                .contains("The request must contain the parameter Name"));
        assertError(post("Action=DescribeRegions&Version=2016-11-15&Colour=blue", AUTH), 400, "UnknownParameter");
        assertError(post("Action=DescribeRegions&Version=2016-11-15&DryRun=true", AUTH), 412, "DryRunOperation");
        assertError(post("Action=DescribeRegions&Version=2016-11-15", AUTH.replace("us-east-1", "mars-north-1")), 401, "AuthFailure");
    }

    @Test
    void answersInTheEc2NamespaceWithARequestId() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(ec2.endpoint()
                + "?Action=DescribeRegions&Version=2016-11-15&RegionName.1=us-west-2")).header("Authorization", AUTH).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeRegionsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
                + response.body().substring(response.body().indexOf("<requestId>"), response.body().indexOf("</requestId>"))
                + "</requestId><regionInfo><item><regionEndpoint>ec2.us-west-2.amazonaws.com</regionEndpoint><regionName>us-west-2"
                + "</regionName><optInStatus>opt-in-not-required</optInStatus></item></regionInfo></DescribeRegionsResponse>",
                response.body());
    }

    @Test
    void packersOwnRequestsWithEmptyValuesGoThrough() throws Exception {
        // Packer 1.6.6 sends unset options as empty values (VpcId=, SubnetId=, UserData=): EC2 takes them as absent.
        String key = "packer_6b021d35-2583-4d12-e52f-95aba83c52c4";
        assertEquals(200, post("Action=CreateKeyPair&KeyName=" + key + "&Version=2016-11-15", AUTH).statusCode());
        HttpResponse<String> group = post("Action=CreateSecurityGroup&GroupDescription=Temporary+group+for+Packer"
                + "&GroupName=packer_6b021d35-da17-627a-0d4d-c9d349c9827a&Version=2016-11-15&VpcId=", AUTH);
        assertEquals(200, group.statusCode(), group.body());
        String groupId = group.body().replaceAll("(?s).*<groupId>([^<]+)</groupId>.*", "$1");
        assertEquals(200, post("Action=AuthorizeSecurityGroupIngress&GroupId=" + groupId + "&IpPermissions.1.FromPort=22"
                + "&IpPermissions.1.IpProtocol=tcp&IpPermissions.1.IpRanges.1.CidrIp=0.0.0.0%2F0&IpPermissions.1.ToPort=22"
                + "&Version=2016-11-15", AUTH).statusCode());
        String ami = post("Action=DescribeImages&Owner.1=136693071363&Filter.1.Name=name&Filter.1.Value.1=debian-12-arm64-%2A"
                + "&Version=2016-11-15", AUTH).body().replaceAll("(?s).*<imageId>([^<]+)</imageId>.*", "$1");
        HttpResponse<String> run = post("Action=RunInstances&ClientToken=5BA667D1-2D2E-478D-8E8C-04ECF0103CA2&EbsOptimized=false"
                + "&IamInstanceProfile.Name=&ImageId=" + ami + "&InstanceInitiatedShutdownBehavior=stop&InstanceType=t3.micro"
                + "&KeyName=" + key + "&MaxCount=1&MinCount=1&Placement.AvailabilityZone=&SecurityGroupId.1=" + groupId
                + "&SubnetId=&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name"
                + "&TagSpecification.1.Tag.1.Value=Packer+Builder&UserData=&Version=2016-11-15", AUTH);
        assertEquals(200, run.statusCode(), run.body());
        assertTrue(run.body().contains("<instanceState><code>0</code><name>pending</name></instanceState>"), run.body());
        assertTrue(run.body().contains("<architecture>arm64</architecture>"), run.body());
        // the same ClientToken again is the same launch, not a second instance
        String again = post("Action=RunInstances&ClientToken=5BA667D1-2D2E-478D-8E8C-04ECF0103CA2&ImageId=" + ami
                + "&MaxCount=1&MinCount=1&Version=2016-11-15", AUTH).body();
        String instanceId = run.body().replaceAll("(?s).*<instanceId>([^<]+)</instanceId>.*", "$1");
        assertTrue(again.contains("<instanceId>" + instanceId + "</instanceId>"), again);
        assertEquals(1, ec2.leftovers().ofType("instance").size(), ec2.leftovers().toString());
        assertError(post("Action=DeleteSecurityGroup&GroupId=" + groupId + "&Version=2016-11-15", AUTH), 400, "DependencyViolation");
        assertEquals(200, post("Action=TerminateInstances&InstanceId.1=" + instanceId + "&Version=2016-11-15", AUTH).statusCode());
        Thread.sleep(150);
        assertEquals(200, post("Action=DeleteSecurityGroup&GroupId=" + groupId + "&Version=2016-11-15", AUTH).statusCode());
        assertEquals(200, post("Action=DeleteKeyPair&KeyName=" + key + "&Version=2016-11-15", AUTH).statusCode());
        assertTrue(ec2.leftovers().isEmpty(), ec2.leftovers().toString());
    }

    @Test
    void throttlesAndFailsOnRequest() throws Exception {
        ec2.faults().throttle(1.0);
        try {
            assertError(post("Action=DescribeRegions&Version=2016-11-15", AUTH), 503, "RequestLimitExceeded");
            ec2.faults().throttle(0).serverErrors(1.0);
            assertError(post("Action=DescribeRegions&Version=2016-11-15", AUTH), 500, "InternalError");
        } finally {
            ec2.faults().clear();
        }
        assertEquals(200, post("Action=DescribeRegions&Version=2016-11-15", AUTH).statusCode());
    }

    @Test
    void pagesWithMaxResultsAndNextToken() throws Exception {
        String action = "Action=DescribeSecurityGroups&Version=2016-11-15";
        for (int i = 0; i < 6; i++) {
            assertEquals(200, post("Action=CreateSecurityGroup&Version=2016-11-15&GroupDescription=d&GroupName=page-" + i, AUTH).statusCode());
        }
        String first = post(action + "&MaxResults=5", AUTH).body();
        assertEquals(5, first.split("<groupId>", -1).length - 1, first);
        assertTrue(first.contains("<nextToken>"), first);
        String token = first.replaceAll("(?s).*<nextToken>([^<]+)</nextToken>.*", "$1");
        String second = post(action + "&MaxResults=5&NextToken=" + token, AUTH).body();
        assertEquals(2, second.split("<groupId>", -1).length - 1, "6 new groups and the default one: " + second);
        assertTrue(!second.contains("<nextToken>"), "the last page has no token: " + second);
        assertError(post(action + "&MaxResults=5&NextToken=bogus", AUTH), 400, "InvalidPaginationToken");
        assertError(post(action + "&MaxResults=2", AUTH), 400, "InvalidParameterValue");
        for (int i = 0; i < 6; i++) {
            assertEquals(200, post("Action=DeleteSecurityGroup&Version=2016-11-15&GroupName=page-" + i, AUTH).statusCode());
        }
    }
}
