package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;

import org.junit.jupiter.api.Test;

class StringRewriteFixerTest {

    private static Fixer byName(String name) {
        return Fixers.ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void createTime() {
        assertFix(byName("create-time"), "{'builders': [{'ami_name': 'x-{{.CreateTime}}', 'tags': ['{{ .CreateTime }}']}]}",
                "{'builders': [{'ami_name': 'x-{{timestamp}}', 'tags': ['{{timestamp}}']}]}");
    }

    @Test
    void cleanResourceNameInsideTemplatesOnly() {
        assertFix(byName("clean-resource-name"), "{'builders': [{'ami_name': '{{timestamp | clean_ami_name}}', "
                        + "'description': 'clean_ami_name is old'}]}",
                "{'builders': [{'ami_name': '{{timestamp | clean_resource_name}}', 'description': "
                        + "'clean_ami_name is old'}]}");
    }

    @Test
    void everyStringInTheTemplate() {
        assertFix(byName("create-time"), "{'variables': {'v': '{{.CreateTime}}'}, 'post-processors': [[{'output': "
                + "'{{.CreateTime}}.box'}]]}", "{'variables': {'v': '{{timestamp}}'}, 'post-processors': [[{'output': "
                + "'{{timestamp}}.box'}]]}");
    }
}
