import { ActionIcon, Anchor, Avatar, Badge, Box, Group, Text } from '@mantine/core';
import { forwardRef, memo } from 'react';
import { Link } from 'react-router';
import type { TreeNode } from '../api/okr-types.js';
import { initials } from './initials.js';
import { ProgressBar } from './ProgressBar.js';
import { SharedBadge } from './SharedBadge.js';
import { StatusBadges } from './StatusBadge.js';
import { VisibilityBadge } from './visibility/VisibilityBadge.js';

interface Props {
  node: TreeNode;
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  rowKey: string;
  index: number;
  /** Position from the virtual list. */
  top: number;
  ownerName?: string;
  teamName?: string;
  /** Filtered by a team that contributes to this objective: the owning team's name. */
  sharedBy?: string;
  onToggle: (key: string) => void;
}

type ContentProps = Omit<Props, 'index' | 'top'>;

/**
 * One objective in the tree: memoised and free of per-row popovers, so long trees stay light. Its position is the
 * list item's alone: when the virtual list measures the rows and moves them, only the items are drawn again, not
 * their content (about 35 components each).
 */
export const TreeRow = memo(
  forwardRef<HTMLLIElement, Props>(function TreeRow({ index, top, ...content }, ref) {
    return (
      <li
        ref={ref}
        data-index={index}
        data-depth={content.depth}
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          width: '100%',
          paddingBlock: 'calc(0.5rem * var(--mantine-scale))',
          transform: `translateY(${top}px)`,
          borderBottom: '1px solid var(--mantine-color-gray-2)',
        }}
      >
        <TreeRowContent {...content} />
      </li>
    );
  }),
);

const TreeRowContent = memo(function TreeRowContent({
  node,
  depth,
  hasChildren,
  expanded,
  rowKey,
  ownerName,
  teamName,
  sharedBy,
  onToggle,
}: ContentProps) {
  return (
    <Group wrap="wrap" gap="sm" pl={depth * 24} align="center">
      {/* Toggle, title and owner share a line that never wraps: on a phone, deep rows keep their toggle beside the
          title (the title wraps instead), and only the progress and badges go to the next line. */}
      <Group wrap="nowrap" gap="sm" align="center" style={{ flex: '1 1 340px', minWidth: 0 }}>
        <Box w={28} style={{ flexShrink: 0 }}>
          {hasChildren && (
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={() => onToggle(rowKey)}
              aria-expanded={expanded}
              aria-label={`${expanded ? 'Collapse' : 'Expand'} ${node.title}`}
            >
              {expanded ? '▾' : '▸'}
            </ActionIcon>
          )}
        </Box>
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/objectives/${node.id}`} fw={depth === 0 ? 600 : 500} size="sm" lineClamp={2}>
              {node.title}
            </Anchor>
            <VisibilityBadge visibility={node.visibility} size="xs" />
            {sharedBy && <SharedBadge by={sharedBy} />}
            {node.type === 'aspirational' && (
              <Badge size="xs" variant="outline" color="grape">
                Aspirational
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {teamName ?? 'Company'} · {node.keyResults.length} key results
          </Text>
        </Box>
        {/* The avatar's place is kept while the owner's name loads: the row does not reflow when it arrives. */}
        <Box w={26} h={26} style={{ flexShrink: 0 }}>
          {ownerName && (
            <Avatar size="sm" radius="xl" color="teal" title={ownerName} aria-label={`Owner ${ownerName}`}>
              {initials(ownerName)}
            </Avatar>
          )}
        </Box>
      </Group>
      <Box w={{ base: '100%', sm: 220 }}>
        <ProgressBar
          progress={node.progress}
          expected={node.cycleClosed ? null : node.expectedProgress}
          status={node.cycleClosed ? null : node.progressStatus}
          label={node.title}
          size="sm"
        />
      </Box>
      <StatusBadges
        status={node.progressStatus}
        confidence={node.confidence}
        stale={node.stale}
        closed={node.cycleClosed ? { score: node.score, verdict: node.verdict } : undefined}
      />
    </Group>
  );
});
