package org.ipaserver.integration.webservice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of web service calls: the JVM's trusted roots plus the certificates of an
 * operator's PEM bundle (an internal CA), without changing the JVM's own trust store.
 */
final class TrustBundle {

    private TrustBundle() {
    }

    /** The bundle could not be used; its message names the file and the problem. */
    static final class InvalidBundle extends Exception {
        InvalidBundle(String message) {
            super(message);
        }
    }

    static SSLContext sslContext(Path bundle) throws InvalidBundle {
        try {
            if (bundle == null) {
                return SSLContext.getDefault();
            }
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (var root : jvmRoots()) {
                store.setCertificateEntry("jvm-" + n++, root);
            }
            for (var certificate : read(bundle)) {
                store.setCertificateEntry("bundle-" + n++, certificate);
            }
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new InvalidBundle("cannot build the TLS trust of web service calls: " + e.getMessage());
        }
    }

    static List<X509Certificate> read(Path bundle) throws InvalidBundle {
        var problem = "CA bundle " + bundle + " (ipa.webservice.caBundle) ";
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundle);
        } catch (IOException e) {
            throw new InvalidBundle(problem + "cannot be read: " + e);
        }
        var text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            throw new InvalidBundle(problem + "holds no PEM certificate (-----BEGIN CERTIFICATE----- blocks)");
        }
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            var certificates = new ArrayList<X509Certificate>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
            int blocks = text.split("-----BEGIN CERTIFICATE-----", -1).length - 1;
            if (certificates.size() != blocks) {
                throw new InvalidBundle(problem + "is malformed: " + blocks + " certificate blocks, "
                        + certificates.size() + " readable");
            }
            return certificates;
        } catch (CertificateException | IOException e) {
            throw new InvalidBundle(problem + "is malformed: " + e.getMessage());
        }
    }

    private static X509Certificate[] jvmRoots() throws GeneralSecurityException {
        var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (var manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509.getAcceptedIssuers();
            }
        }
        return new X509Certificate[0];
    }
}
