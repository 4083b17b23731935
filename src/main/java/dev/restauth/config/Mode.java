package dev.restauth.config;

/** How strict restauth is about its configuration. */
public enum Mode {
    /** Developer machine: a secret key is generated on first start and kept in the data directory. */
    DEV,
    /** Production: restauth refuses to start without an explicit secret key. */
    PRODUCTION
}
