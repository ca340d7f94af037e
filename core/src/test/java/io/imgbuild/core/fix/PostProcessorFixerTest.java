package io.imgbuild.core.fix;

import static io.imgbuild.core.fix.FixerFixture.assertFix;

import org.junit.jupiter.api.Test;

class PostProcessorFixerTest {

    private final Fixer fixer = new PostProcessorFixer();

    @Test
    void manifestFilenameBecomesOutputInPlace() {
        assertFix(fixer, "{'post-processors': [{'type': 'manifest', 'filename': 'm.json', 'strip_path': true}]}",
                "{'post-processors': [{'type': 'manifest', 'output': 'm.json', 'strip_path': true}]}");
    }

    @Test
    void insideSequencesToo() {
        assertFix(fixer, "{'post-processors': ['compress', [{'type': 'compress'}, {'type': 'manifest', 'filename': 'm'}]]}",
                "{'post-processors': ['compress', [{'type': 'compress'}, {'type': 'manifest', 'output': 'm'}]]}");
    }

    @Test
    void vagrantProviderSectionsMoveUnderOverride() {
        assertFix(fixer, "{'post-processors': [{'type': 'vagrant', 'virtualbox': {'a': 1}, 'aws': {'b': 2}, 'output': 'o'}]}",
                "{'post-processors': [{'type': 'vagrant', 'output': 'o', 'override': {'aws': {'b': 2}, 'virtualbox': "
                        + "{'a': 1}}}]}");
    }

    @Test
    void nothingToDo() {
        assertFix(fixer, "{'post-processors': [{'type': 'manifest', 'output': 'm'}]}",
                "{'post-processors': [{'type': 'manifest', 'output': 'm'}]}");
    }
}
