import { parseGoMod } from './goMod';
import { parseGradleBuild, parseGradleVersionCatalog } from './gradle';
import { parseManifestDocuments, isTemplated } from './manifests';
import { parsePomXml } from './maven';
import { parsePackageJson } from './npm';
import { parseMsBuildProject, parsePackagesConfig } from './nuget';
import { parsePipfile, parsePyprojectToml, parseRequirementsTxt } from './pypi';
import { MalformedFileError } from './types';

const names = (deps: Array<{ name: string }>) => deps.map(d => d.name);

describe('package.json', () => {
  it('reads dependencies, devDependencies and optionalDependencies', () => {
    const deps = parsePackageJson(
      JSON.stringify({
        name: 'checkout',
        dependencies: { opossum: '^8.4.0', kafkajs: '^2.2.4' },
        devDependencies: { cockatiel: '3.2.1' },
        optionalDependencies: { ws: '8.18.0' },
        peerDependencies: { react: '*' },
      }),
    );
    expect(deps).toEqual([
      { name: 'opossum', version: '^8.4.0' },
      { name: 'kafkajs', version: '^2.2.4' },
      { name: 'cockatiel', version: '3.2.1', scope: 'dev' },
      { name: 'ws', version: '8.18.0', scope: 'optional' },
    ]);
  });

  it.each([
    ['broken JSON', '{ "dependencies": { "opossum": "^8" ', /not valid JSON/],
    [
      'a merge conflict',
      '{\n<<<<<<< HEAD\n  "dependencies": {}\n}',
      /not valid JSON/,
    ],
    ['an array', '[1, 2]', /not a JSON object/],
    [
      'dependencies that are not an object',
      '{ "dependencies": ["opossum"] }',
      /"dependencies" is not an object/,
    ],
    ['an empty file (a symbolic link in an archive)', '', /not valid JSON/],
  ])('rejects %s as malformed', (_name, text, message) => {
    expect(() => parsePackageJson(text)).toThrow(MalformedFileError);
    expect(() => parsePackageJson(text)).toThrow(message);
  });
});

describe('pom.xml', () => {
  const pom = `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>com.example</groupId>
  <artifactId>payments</artifactId>
  <version>1.2.3</version>
  <properties><resilience4j.version>2.2.0</resilience4j.version></properties>
  <dependencyManagement>
    <dependencies>
      <dependency><groupId>io.github.resilience4j</groupId><artifactId>resilience4j-bom</artifactId><version>2.2.0</version><type>pom</type><scope>import</scope></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>io.github.resilience4j</groupId>
      <artifactId>resilience4j-circuitbreaker</artifactId>
      <version>\${resilience4j.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <profiles>
    <profile>
      <id>kafka</id>
      <dependencies>
        <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-clients</artifactId><version>3.8.1</version></dependency>
      </dependencies>
    </profile>
  </profiles>
</project>`;

  it('reads the project and profile dependencies, resolving properties, not managed versions', () => {
    expect(parsePomXml(pom)).toEqual([
      {
        name: 'io.github.resilience4j:resilience4j-circuitbreaker',
        version: '2.2.0',
      },
      { name: 'org.junit.jupiter:junit-jupiter', scope: 'test' },
      { name: 'org.apache.kafka:kafka-clients', version: '3.8.1' },
    ]);
  });

  it('reads a single dependency (not a list) too', () => {
    expect(
      names(
        parsePomXml(
          '<project><dependencies><dependency><groupId>io.grpc</groupId><artifactId>grpc-stub</artifactId></dependency></dependencies></project>',
        ),
      ),
    ).toEqual(['io.grpc:grpc-stub']);
  });

  it('does not expand entities (no billion laughs)', () => {
    const hostile = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<project><dependencies><dependency><groupId>&lol2;</groupId><artifactId>a</artifactId></dependency></dependencies></project>`;
    const deps = parsePomXml(hostile);
    expect(deps.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(deps).length).toBeLessThan(200);
  });

  it.each([
    ['unclosed elements', '<project><dependencies>'],
    ['no project element', '<settings></settings>'],
    ['not XML at all', '{ "json": true }'],
  ])('rejects %s as malformed', (_name, text) => {
    expect(() => parsePomXml(text)).toThrow(MalformedFileError);
  });
});

describe('Gradle', () => {
  it('reads Kotlin DSL declarations, with test scope', () => {
    const build = `
plugins { id("org.springframework.boot") version "3.3.5" }
repositories { maven { url = uri("https://repo.example.com/releases") } }
dependencies {
    implementation("io.github.resilience4j:resilience4j-retry:2.2.0")
    implementation(platform("org.springframework.cloud:spring-cloud-dependencies:2023.0.3"))
    // implementation("com.netflix.hystrix:hystrix-core:1.5.18")
    /* implementation("org.apache.kafka:kafka-clients:3.8.1") */
    implementation(group = "io.grpc", name = "grpc-stub", version = "1.68.0")
    testImplementation("org.axonframework:axon-test:4.10.3")
    implementation(libs.axon.spring.boot.starter)
}`;
    expect(parseGradleBuild(build)).toEqual([
      { name: 'io.github.resilience4j:resilience4j-retry', version: '2.2.0' },
      {
        name: 'org.springframework.cloud:spring-cloud-dependencies',
        version: '2023.0.3',
      },
      { name: 'org.axonframework:axon-test', version: '4.10.3', scope: 'test' },
      { name: 'io.grpc:grpc-stub', version: '1.68.0' },
    ]);
  });

  it('reads Groovy DSL declarations: strings and maps', () => {
    const build = `
dependencies {
    implementation 'org.springframework.cloud:spring-cloud-starter-gateway:3.1.9' // the facade
    implementation group: 'org.togglz', name: 'togglz-core', version: '3.3.3'
    compile "com.netflix.hystrix:hystrix-core"
}`;
    expect(names(parseGradleBuild(build))).toEqual([
      'org.springframework.cloud:spring-cloud-starter-gateway',
      'com.netflix.hystrix:hystrix-core',
      'org.togglz:togglz-core',
    ]);
  });

  it('reads a version catalog', () => {
    const toml = `
[versions]
axon = "4.10.3"
[libraries]
axon-starter = { module = "org.axonframework:axon-spring-boot-starter", version.ref = "axon" }
kafka = { group = "org.apache.kafka", name = "kafka-clients", version = "3.8.1" }
grpc = "io.grpc:grpc-netty-shaded:1.68.0"
[plugins]
boot = { id = "org.springframework.boot", version = "3.3.5" }
`;
    expect(parseGradleVersionCatalog(toml)).toEqual([
      { name: 'org.axonframework:axon-spring-boot-starter', version: '4.10.3' },
      { name: 'org.apache.kafka:kafka-clients', version: '3.8.1' },
      { name: 'io.grpc:grpc-netty-shaded', version: '1.68.0' },
    ]);
  });

  it('rejects a broken version catalog', () => {
    expect(() => parseGradleVersionCatalog('[libraries\nfoo = ')).toThrow(
      MalformedFileError,
    );
  });
});

describe('go.mod', () => {
  it('reads direct requirements, single and in blocks, leaving out indirect ones', () => {
    const mod = `module github.com/example/inventory

go 1.23

require github.com/sony/gobreaker/v2 v2.0.0

require (
	google.golang.org/grpc v1.68.0
	github.com/cenkalti/backoff/v4 v4.3.0 // retries
	golang.org/x/net v0.30.0 // indirect
)

replace github.com/example/lib => ../lib
`;
    expect(parseGoMod(mod)).toEqual([
      { name: 'github.com/sony/gobreaker/v2', version: 'v2.0.0' },
      { name: 'google.golang.org/grpc', version: 'v1.68.0' },
      { name: 'github.com/cenkalti/backoff/v4', version: 'v4.3.0' },
    ]);
  });

  it('rejects a file with no go.mod directive', () => {
    expect(() => parseGoMod('this is not a go.mod\n')).toThrow(
      MalformedFileError,
    );
  });
});

describe('NuGet', () => {
  it('reads PackageReference items with attribute or element versions', () => {
    const csproj = `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Polly" Version="8.4.2" />
    <PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="8.10.0" />
  </ItemGroup>
  <ItemGroup>
    <PackageReference Include="Confluent.Kafka"><Version>2.6.1</Version></PackageReference>
    <ProjectReference Include="../Shared/Shared.csproj" />
  </ItemGroup>
</Project>`;
    expect(parseMsBuildProject(csproj)).toEqual([
      { name: 'Polly', version: '8.4.2' },
      { name: 'Microsoft.Extensions.Http.Resilience', version: '8.10.0' },
      { name: 'Confluent.Kafka', version: '2.6.1' },
    ]);
  });

  it('reads packages.config', () => {
    expect(
      parsePackagesConfig(
        '<?xml version="1.0"?><packages><package id="Polly" version="7.2.4" targetFramework="net48" /></packages>',
      ),
    ).toEqual([{ name: 'Polly', version: '7.2.4' }]);
  });

  it('rejects a project file that is not XML', () => {
    expect(() => parseMsBuildProject('<Project><ItemGroup>')).toThrow(
      MalformedFileError,
    );
  });
});

describe('PyPI', () => {
  it('reads requirements files: specifiers, extras, markers, comments, options, editables', () => {
    const text = `# pinned
tenacity==9.0.0 ; python_version >= "3.9"
celery[redis]>=5.4  # jobs
pybreaker
-r base.txt
--index-url https://pypi.example.com/simple
-e git+https://github.com/example/lib.git#egg=example-lib
https://example.com/wheels/thing-1.0-py3-none-any.whl
Flask-Limiter ~= 3.8 \\
  --hash=sha256:abc
`;
    expect(parseRequirementsTxt(text)).toEqual([
      { name: 'tenacity', version: '==9.0.0' },
      { name: 'celery', version: '>=5.4' },
      { name: 'pybreaker' },
      { name: 'example-lib' },
      { name: 'Flask-Limiter', version: '~= 3.8' },
    ]);
  });

  it('reads PEP 621, PEP 735 and Poetry dependencies from pyproject.toml', () => {
    const toml = `
[project]
name = "notifications"
dependencies = ["confluent-kafka>=2.6", "websockets"]
[project.optional-dependencies]
workers = ["celery[redis]>=5.4"]
[dependency-groups]
test = ["pytest>=8"]
[tool.poetry.dependencies]
python = "^3.12"
tenacity = "^9.0"
grpcio = { version = "^1.68", optional = true }
[tool.poetry.group.dev.dependencies]
pika = "^1.3"
`;
    expect(parsePyprojectToml(toml)).toEqual([
      { name: 'confluent-kafka', version: '>=2.6' },
      { name: 'websockets' },
      { name: 'celery', version: '>=5.4', scope: 'workers' },
      { name: 'pytest', version: '>=8', scope: 'test' },
      { name: 'tenacity', version: '^9.0' },
      { name: 'grpcio', version: '^1.68' },
      { name: 'pika', version: '^1.3', scope: 'dev' },
    ]);
  });

  it('reads a Pipfile', () => {
    expect(
      parsePipfile(
        '[packages]\naiokafka = "*"\ngrpcio = "==1.68.0"\n[dev-packages]\npytest = "*"\n',
      ),
    ).toEqual([
      { name: 'aiokafka' },
      { name: 'grpcio', version: '==1.68.0' },
      { name: 'pytest', scope: 'dev' },
    ]);
  });

  it('rejects a broken pyproject.toml', () => {
    expect(() => parsePyprojectToml('[project\ndependencies = [')).toThrow(
      MalformedFileError,
    );
  });
});

describe('manifests', () => {
  it('reads every YAML document, flattening Lists', () => {
    const yaml = `apiVersion: v1
kind: Namespace
metadata: { name: shop }
---
apiVersion: v1
kind: List
items:
  - { apiVersion: apps/v1, kind: Deployment, metadata: { name: a } }
  - { apiVersion: apps/v1, kind: Deployment, metadata: { name: b } }
---
`;
    const { documents, problem } = parseManifestDocuments(yaml, false);
    expect(documents.map((d: any) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'Namespace/shop',
      'Deployment/a',
      'Deployment/b',
    ]);
    expect(problem).toBeUndefined();
  });

  it('keeps the good documents of a file with a broken one and says which', () => {
    const yaml =
      'kind: Deployment\nmetadata: { name: ok }\n---\nkind: [unclosed\n';
    const { documents, problem } = parseManifestDocuments(yaml, false);
    expect(documents).toHaveLength(1);
    expect(problem).toMatch(/^document 2 is not valid YAML/);
  });

  it('rejects a file with no usable document', () => {
    expect(() => parseManifestDocuments('key: [unclosed\n', false)).toThrow(
      MalformedFileError,
    );
    expect(() => parseManifestDocuments('{ "name": ', true)).toThrow(
      /not valid JSON/,
    );
  });

  it('bounds aliases (no billion laughs)', () => {
    const bomb = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
`;
    expect(() => parseManifestDocuments(bomb, false)).toThrow(
      MalformedFileError,
    );
  });

  it('tells Helm templates from manifests', () => {
    expect(isTemplated('replicas: {{ .Values.replicas }}')).toBe(true);
    expect(isTemplated('replicas: 3')).toBe(false);
  });
});
