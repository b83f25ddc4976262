package com.dermrelay.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Every intake answer triage reads is asked by the patient portal. The answers triage reads are
 * found in the compiled code, not listed by hand: each class that uses the triage package and reads
 * {@link IntakeAnswers} (today {@link TriageInputs}) is read with ASM, and each accessor it calls
 * on the answers (and the fields behind any other method of the answers it calls) becomes a JSON
 * pointer. A rule input added later fails here until a page of portal/patient/views/intake*.js
 * declares a question with that pointer.
 */
class PortalAsksTriageInputsTest {
  private static final String ANSWERS = Type.getInternalName(IntakeAnswers.class);
  private static final String TRIAGE_PACKAGE = "com/dermrelay/triage/";
  private static final Path PORTAL_VIEWS = Path.of("..", "portal", "patient", "views");
  private static final Pattern POINTER = Pattern.compile("['\"`](/intake/[A-Za-z0-9/]+)['\"`]");

  /**
   * Calls on the answers that read no answer: making one (the defaults of a missing group),
   * comparing.
   */
  private static final Set<String> NOT_READS = Set.of("<init>", "equals", "hashCode", "toString");

  /** Internal name of IntakeAnswers and each record nested in it -> its pointer prefix. */
  private static final Map<String, String> PREFIXES = new HashMap<>();

  private static Set<String> readByTriage;
  private static Set<String> askedByPortal;
  private static List<String> readers;

  @BeforeAll
  static void derive() throws IOException, URISyntaxException {
    PREFIXES.put(ANSWERS, "/intake");
    for (RecordComponent component : IntakeAnswers.class.getRecordComponents()) {
      nestedRecord(component)
          .ifPresent(
              type -> PREFIXES.put(Type.getInternalName(type), "/intake/" + component.getName()));
    }
    Path classes =
        Path.of(TriageInputs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    readByTriage = new TreeSet<>();
    readers = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        Usage usage = usage(Files.readAllBytes(file));
        if (usage.usesTriage && !usage.calls.isEmpty() && !usage.name.startsWith(ANSWERS)) {
          readers.add(usage.name);
          for (String[] call : usage.calls) {
            readByTriage.addAll(pointers(call[0], call[1]));
          }
        }
      }
    }
    askedByPortal = new TreeSet<>();
    try (Stream<Path> views = Files.list(PORTAL_VIEWS)) {
      for (Path view :
          views.filter(v -> v.getFileName().toString().matches("intake.*\\.js")).toList()) {
        Matcher m = POINTER.matcher(Files.readString(view));
        while (m.find()) {
          askedByPortal.add(m.group(1));
        }
      }
    }
  }

  @Test
  void everyIntakeAnswerTriageReadsIsAskedByThePatientPortal() {
    List<String> notAsked = readByTriage.stream().filter(p -> !asked(p)).toList();
    assertEquals(
        List.of(), notAsked, "read by " + readers + " but asked nowhere in " + PORTAL_VIEWS);
  }

  @Test
  void theDerivationFindsTheRuleInputsAndTheCheckCanFail() {
    assertTrue(readers.contains(Type.getInternalName(TriageInputs.class)), readers.toString());
    for (String input :
        List.of(
            "/intake/changes/size",
            "/intake/abcde/asymmetry",
            "/intake/inflammation",
            "/intake/rashWorseningRapidly",
            "/intake/fever",
            "/intake/newMedicine",
            "/intake/spotOrigin",
            "/intake/symptoms/bleeding",
            "/intake/diameterMm",
            "/intake/problem")) {
      assertTrue(readByTriage.contains(input), input + " not found in " + readByTriage);
    }
    assertFalse(
        readByTriage.contains("/intake/ownWords"), "triage does not read the patient's words");
    assertFalse(asked("/intake/notAQuestion"), "an input no page asks is reported");
    assertFalse(askedByPortal.isEmpty());
  }

  /**
   * Asked when a page declares the pointer, or (for a group such as /intake/changes) one inside it.
   */
  private static boolean asked(String pointer) {
    return askedByPortal.contains(pointer)
        || askedByPortal.stream().anyMatch(a -> a.startsWith(pointer + "/"));
  }

  /**
   * The pointers a call to {@code owner.method} reads: an accessor's own, or the fields another
   * method uses.
   */
  private static List<String> pointers(String owner, String method) {
    String prefix = PREFIXES.get(owner);
    Class<?> type = typeOf(owner);
    if (prefix == null || type == null || NOT_READS.contains(method)) {
      return List.of();
    }
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(method)) {
        return List.of(prefix + "/" + component.getName());
      }
    }
    // Another method of the answers (e.g. asksSpotQuestions()): the components it reads.
    try (InputStream in =
        type.getResourceAsStream(owner.substring(owner.lastIndexOf('/') + 1) + ".class")) {
      List<String> read = new ArrayList<>();
      new ClassReader(in.readAllBytes())
          .accept(
              new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(
                    int access, String name, String desc, String signature, String[] exceptions) {
                  return !name.equals(method)
                      ? null
                      : new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitFieldInsn(
                            int opcode, String fieldOwner, String field, String fieldDesc) {
                          if (opcode == Opcodes.GETFIELD && fieldOwner.equals(owner)) {
                            read.add(prefix + "/" + field);
                          }
                        }
                      };
                }
              },
              0);
      return read;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Class<?> typeOf(String internalName) {
    try {
      return Class.forName(internalName.replace('/', '.'));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static java.util.Optional<Class<?>> nestedRecord(RecordComponent component) {
    Class<?> type = component.getType();
    if (List.class.isAssignableFrom(type)
        && component.getGenericType() instanceof ParameterizedType list
        && list.getActualTypeArguments()[0] instanceof Class<?> element) {
      type = element;
    }
    return type.isRecord() && type.getEnclosingClass() == IntakeAnswers.class
        ? java.util.Optional.of(type)
        : java.util.Optional.empty();
  }

  /**
   * What one class does: whether it uses the triage package, and which methods of the answers it
   * calls.
   */
  private static final class Usage {
    String name;
    boolean usesTriage;
    final List<String[]> calls = new ArrayList<>();
  }

  private static Usage usage(byte[] bytes) {
    Usage usage = new Usage();
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9) {
              @Override
              public void visit(
                  int version,
                  int access,
                  String name,
                  String signature,
                  String superName,
                  String[] interfaces) {
                usage.name = name;
              }

              @Override
              public MethodVisitor visitMethod(
                  int access, String name, String desc, String signature, String[] exceptions) {
                usage.usesTriage |= desc.contains("L" + TRIAGE_PACKAGE);
                return new MethodVisitor(Opcodes.ASM9) {
                  @Override
                  public void visitMethodInsn(
                      int opcode, String owner, String method, String methodDesc, boolean itf) {
                    usage.usesTriage |=
                        owner.startsWith(TRIAGE_PACKAGE)
                            || methodDesc.contains("L" + TRIAGE_PACKAGE);
                    if (PREFIXES.containsKey(owner)) {
                      usage.calls.add(new String[] {owner, method});
                    }
                  }

                  @Override
                  public void visitTypeInsn(int opcode, String type) {
                    usage.usesTriage |= type.startsWith(TRIAGE_PACKAGE);
                  }

                  @Override
                  public void visitFieldInsn(
                      int opcode, String owner, String field, String fieldDesc) {
                    usage.usesTriage |=
                        owner.startsWith(TRIAGE_PACKAGE)
                            || fieldDesc.contains("L" + TRIAGE_PACKAGE);
                  }
                };
              }
            },
            0);
    return usage;
  }
}
