package cn.certflow.bench;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** Which feel-engine is really on the classpath: read from the jar's META-INF/maven pom.properties. */
public final class FeelVersion {
  private static final String POM_PROPERTIES = "META-INF/maven/org.camunda.feel/feel-engine/pom.properties";

  private FeelVersion() {}

  public static String loaded() {
    try {
      List<URL> urls = Collections.list(FeelVersion.class.getClassLoader().getResources(POM_PROPERTIES));
      if (urls.size() != 1) {
        throw new IllegalStateException("expected exactly one feel-engine on the classpath, found " + urls);
      }
      Properties p = new Properties();
      try (InputStream in = urls.get(0).openStream()) {
        p.load(in);
      }
      String version = p.getProperty("version");
      Class<?> engine = Class.forName("org.camunda.feel.FeelEngine");
      String manifest = engine.getPackage() == null ? null : engine.getPackage().getImplementationVersion();
      if (manifest != null && !manifest.equals(version)) {
        throw new IllegalStateException("pom.properties says " + version + ", manifest says " + manifest);
      }
      return version;
    } catch (Exception e) {
      throw new IllegalStateException("cannot determine the feel-engine version", e);
    }
  }

  /** Fail fast if the version on the classpath is not the expected one (system property feel.expected). */
  public static String checkExpected() {
    String v = loaded();
    String expected = System.getProperty("feel.expected");
    if (expected != null && !expected.isEmpty() && !expected.equals(v)) {
      throw new IllegalStateException("feel-engine " + v + " loaded, but " + expected + " expected");
    }
    return v;
  }

  public static void main(String[] args) {
    System.out.println(loaded());
  }
}
