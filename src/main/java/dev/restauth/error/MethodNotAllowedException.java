package dev.restauth.error;

import dev.restauth.text.Messages;

/** 405 {"detail":"Method \"GET\" not allowed."}; the {@code Allow} header is added by the servlet for every answer. */
public final class MethodNotAllowedException extends ApiException {
    public MethodNotAllowedException(String method) {
        super(405, Messages.get("error.method_not_allowed", method));
    }
}
