import { formatDependency, packageMatcher } from './dependencyNames';

describe('packageMatcher', () => {
  it('matches exact names case-insensitively and `*` wildcards', () => {
    const maven = packageMatcher('maven', [
      'io.grpc:grpc-*',
      'org.axonframework:axon-spring-boot-starter',
    ]);
    expect(maven('io.grpc:grpc-netty-shaded')).toBe(true);
    expect(maven('IO.GRPC:GRPC-STUB')).toBe(true);
    expect(maven('io.grpc:protoc-gen-grpc-java')).toBe(false);
    expect(maven('org.axonframework:axon-spring-boot-starter')).toBe(true);
    expect(maven('org.axonframework:axon-spring-boot-starter-x')).toBe(false);
  });

  it('normalises PyPI names (PEP 503)', () => {
    const pypi = packageMatcher('pypi', ['Flask-Limiter', 'openfeature-sdk']);
    expect(pypi('flask_limiter')).toBe(true);
    expect(pypi('OpenFeature.SDK')).toBe(true);
  });

  it('ignores Go major version suffixes on either side', () => {
    const go = packageMatcher('go', [
      'github.com/sony/gobreaker',
      'github.com/launchdarkly/go-server-sdk/v7',
    ]);
    expect(go('github.com/sony/gobreaker/v2')).toBe(true);
    expect(go('github.com/launchdarkly/go-server-sdk')).toBe(true);
    expect(go('github.com/sony/gobreakers')).toBe(false);
  });

  it('treats regular expression characters in names literally', () => {
    const npm = packageMatcher('npm', ['socket.io']);
    expect(npm('socket.io')).toBe(true);
    expect(npm('socketxio')).toBe(false);
  });
});

describe('formatDependency', () => {
  it.each([
    ['npm', { name: 'opossum', version: '^8.4.0' }, 'opossum@^8.4.0'],
    [
      'npm',
      { name: 'cockatiel', version: '3.2.1', scope: 'dev' },
      'cockatiel@3.2.1 (dev)',
    ],
    [
      'maven',
      { name: 'io.grpc:grpc-stub', version: '1.68.0' },
      'io.grpc:grpc-stub:1.68.0',
    ],
    [
      'go',
      { name: 'google.golang.org/grpc', version: 'v1.68.0' },
      'google.golang.org/grpc v1.68.0',
    ],
    ['nuget', { name: 'Polly', version: '8.4.2' }, 'Polly 8.4.2'],
    ['pypi', { name: 'tenacity', version: '==9.0.0' }, 'tenacity==9.0.0'],
    ['pypi', { name: 'tenacity', version: '^9.0' }, 'tenacity ^9.0'],
    ['maven', { name: 'io.grpc:grpc-stub' }, 'io.grpc:grpc-stub'],
  ] as const)('%s %o → %s', (ecosystem, dependency, shown) => {
    expect(formatDependency(ecosystem, dependency)).toBe(shown);
  });
});
