package dev.restauth.endpoint.mfa;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

/**
 * A QR code drawn server-side with ZXing, as a {@code data:image/png;base64,...} URI a page can put in an
 * {@code <img>} as it is (the reference draws an SVG with Python's {@code qrcode}, or answers "" without it).
 * Thread-safe.
 */
final class QrCode {
    /** Modules of the code's side are drawn at about this many pixels, plus the quiet zone. */
    private static final int SIZE = 240;

    private QrCode() {
    }

    static String dataUri(String text) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, SIZE, SIZE,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException("an otpauth URI always fits a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
