package io.imgbuild.core.problem;

public enum Severity {
    ERROR, WARNING
}
