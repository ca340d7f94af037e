package io.imgbuild.testkit.ec2;

/** An answer in AWS's error format: the code clients switch on, a message, and the HTTP status. */
final class Ec2Error extends RuntimeException {

    private final String code;
    private final int status;

    Ec2Error(int status, String code, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    /** Most of EC2's client errors are 400s. */
    static Ec2Error client(String code, String message) {
        return new Ec2Error(400, code, message);
    }

    static Ec2Error missing(String parameter) {
        return client("MissingParameter", "The request must contain the parameter " + parameter);
    }

    static Ec2Error invalidValue(String message) {
        return client("InvalidParameterValue", message);
    }

    static Ec2Error invalidFilter(String name) {
        return client("InvalidParameterValue", "The filter '" + name + "' is invalid");
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
