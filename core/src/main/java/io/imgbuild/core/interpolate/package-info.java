/**
 * Interpolation of Packer's legacy JSON template language: strings such as
 * {@code "packer-{{user `name`}}-{{timestamp}}"}.
 *
 * <p>A small parser of our own covers the part of Go's text/template that Packer 1.6 templates
 * use: literals, function calls, parentheses, pipes, {@code .Field} references, comments and trim
 * markers. Control structures are rejected with a clear error rather than half supported.
 *
 * <p>Values come in two phases. Template-time values (user variables, env in variable defaults,
 * timestamp, build name, ...) are known when the template is loaded; build-time values
 * ({@code {{ .HTTPIP }}}, {@code build "Host"}) only while a build runs. Each config field says
 * which build-time values it accepts. A string that uses any of them is deferred whole and rendered
 * later in one go, so values are never re-parsed as template text.
 *
 * <p>Entry points: {@link io.imgbuild.core.interpolate.Interpolator} (check, renderNow, render),
 * {@link io.imgbuild.core.interpolate.Template} (parse once, reuse) and
 * {@link io.imgbuild.core.interpolate.InterpolationContext} (what a string may draw on). Errors
 * carry the offset and length of the offending token inside the string.
 */
package io.imgbuild.core.interpolate;
