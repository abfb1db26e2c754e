import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { AI_UNAVAILABLE, useAiAvailable } from './use-ai-available';

interface AiButtonProps extends ButtonProps {
  children: ReactNode;
  onClick(): void;
  /** Why the action cannot run now even with a model (an empty field), if it cannot. */
  blockedReason?: string;
  /** What the action does, shown while it can run. */
  hint?: string;
}

/** A button for a model action: disabled, with the reason in its tooltip, until it can run. */
export function AiButton({ children, onClick, blockedReason, hint, ...props }: AiButtonProps) {
  const available = useAiAvailable();
  const reason = available ? blockedReason : AI_UNAVAILABLE;
  const label = reason ?? hint;
  return (
    <Tooltip label={label} disabled={!label}>
      {/* A disabled button fires no pointer events; the wrapper keeps the tooltip working. */}
      <span style={{ display: 'inline-flex', minWidth: 0, ...(props.fullWidth ? { flex: 1, width: '100%' } : {}) }}>
        <Button leftSection={<IconSparkles size={14} />} variant="light" {...props} disabled={Boolean(reason)} onClick={onClick}>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
