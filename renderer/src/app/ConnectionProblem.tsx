import { Alert, Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconPlugConnectedX } from '@tabler/icons-react';
import { useSession } from '../stores/session-store';

/** What the creator sees when the page cannot talk to the studio, and what to do about it. */
export function ConnectionProblem() {
  const connection = useSession((s) => s.connection);
  const message = useSession((s) => s.connectionMessage);
  const boot = useSession((s) => s.boot);
  const unauthorized = connection === 'unauthorized';

  return (
    <Center h="100%" p="xl">
      <Stack maw={560} gap="md">
        <Title order={2}>{unauthorized ? 'This link has no access to the studio' : 'The studio is not reachable'}</Title>
        <Alert
          color={unauthorized ? 'orange' : 'red'}
          icon={unauthorized ? <IconLock /> : <IconPlugConnectedX />}
          title={unauthorized ? 'Access token missing or wrong' : 'No connection'}
          role="alert"
        >
          {unauthorized ? (
            <Text size="sm">
              Open the exact link printed by <Code>npm run serve</Code>; it ends in <Code>?token=…</Code>. If the server was restarted
              without <Code>--token</Code>, it made a new token, so old links stop working.
            </Text>
          ) : (
            <Text size="sm">
              {message} Check that <Code>npm run serve</Code> is still running, then try again.
            </Text>
          )}
        </Alert>
        <Button variant="light" onClick={() => void boot()} w="fit-content">
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
