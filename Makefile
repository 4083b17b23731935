# restauth: every day-to-day command. `make` alone lists them.
MVN      ?= mvn -B -q
JAVA     ?= java
# The JVM flags the standalone server runs with (and the benchmark measures): a small serial-collected heap, and
# native memory the JIT compilers freed handed back to the system every 5 s (a JDK 17.0.11+ flag; older JDKs skip
# it), keep memory low; the optimising compiler stays on, as it doubles the requests served per core.
JVM_FLAGS ?= -XX:+UseSerialGC -Xms32m -Xmx256m -Xss512k -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000
JAR      := target/restauth.jar
ARGS     ?=

.DEFAULT_GOAL := help
.PHONY: help build test run migrate createsuperuser war bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

build: ## compile and package target/restauth.jar (tests skipped)
	$(MVN) package -DskipTests

test: ## run every test (PostgreSQL/MariaDB tests skip visibly when unreachable)
	$(MVN) verify

run: build ## start the server on http://127.0.0.1:8000/rest-auth/ with H2 under ./var/
	$(JAVA) $(JVM_FLAGS) -jar $(JAR) serve $(ARGS)

migrate: build ## apply the migrations in sql/ to the configured database
	$(JAVA) -jar $(JAR) migrate $(ARGS)

createsuperuser: build ## create a superuser: make createsuperuser ARGS="--username admin --email admin@example.com"
	$(JAVA) -jar $(JAR) createsuperuser $(ARGS)

war: ## build target/restauth.war (Servlet 6) and target/restauth-javax.war (Servlet 4.0); every build makes both
	$(MVN) package -DskipTests

bench: build ## measure restauth against a bare baseline and argon2's bound: ARGS="--quick", "--soak" (not in make test)
	$(JAVA) -Dbench.jvm_flags='$(JVM_FLAGS)' -cp 'target/test-classes:$(JAR):target/lib/*' dev.restauth.bench.Bench $(ARGS)

clean: ## remove build output (keeps ./var/)
	$(MVN) clean
