package io.imgbuild.core.plugin;

/** The three kinds of template component, with the names the template and the schemas use. */
public enum ComponentKind {
    BUILDER("builder", "builders"),
    PROVISIONER("provisioner", "provisioners"),
    POST_PROCESSOR("post-processor", "post-processors");

    private final String word;
    private final String templateKey;

    ComponentKind(String word, String templateKey) {
        this.word = word;
        this.templateKey = templateKey;
    }

    /** "builder", "provisioner", "post-processor". */
    public String word() {
        return word;
    }

    /** The template's root key: "builders", ... */
    public String templateKey() {
        return templateKey;
    }
}
