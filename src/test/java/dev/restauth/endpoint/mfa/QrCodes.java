package dev.restauth.endpoint.mfa;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import java.io.ByteArrayInputStream;
import java.util.Base64;

import javax.imageio.ImageIO;

/** Reads a QR code back from a {@code data:image/png;base64,...} URI, as a phone's camera would. */
final class QrCodes {
    private QrCodes() {
    }

    static String decode(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring("data:image/png;base64,".length()));
        var image = ImageIO.read(new ByteArrayInputStream(png));
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
