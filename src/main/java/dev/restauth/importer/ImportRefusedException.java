package dev.restauth.importer;

/** An import that did not start or was undone, with the reason in plain words; nothing was written. */
public final class ImportRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportRefusedException(String message) {
        super(message);
    }
}
