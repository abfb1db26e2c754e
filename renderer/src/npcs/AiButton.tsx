import { Button, Tooltip, type ButtonProps } from '@mantine/core';
import { IconSparkles } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { NO_MODEL_HINT, useModelReady } from './use-model-ready';

interface AiButtonProps extends ButtonProps {
  children: ReactNode;
  onClick(): void;
  /** Why the action cannot run now even with a model (an empty field), if it cannot. */
  blockedReason?: string;
}

/** A button for a model action: disabled, with the reason in its tooltip, until it can run. */
export function AiButton({ children, onClick, blockedReason, ...props }: AiButtonProps) {
  const ready = useModelReady();
  const reason = ready ? blockedReason : NO_MODEL_HINT;
  return (
    <Tooltip label={reason} disabled={!reason}>
      {/* A disabled button fires no pointer events; the wrapper keeps the tooltip working. */}
      <span style={{ display: 'inline-flex', minWidth: 0, flex: props.fullWidth ? 1 : undefined }}>
        <Button leftSection={<IconSparkles size={14} />} variant="light" {...props} disabled={Boolean(reason)} onClick={onClick}>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
