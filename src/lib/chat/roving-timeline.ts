/**
 * Keyboard use of the message list (a Svelte action on the list): the list is one stop in the
 * tab order (the message with tabindex 0, chosen by the view), arrow keys, Home and End move
 * between messages, Enter or → enters a message's actions and links, ← and → walk them, Escape
 * goes back to the message. Controls inside messages leave the tab order as they come and go.
 */
const controls = 'a[href], button, input, select, textarea, summary';

/** Every control inside a message leaves the tab order (the edit form excepted). */
function takeOutOfTabOrder(root: ParentNode) {
	for (const el of root.querySelectorAll<HTMLElement>(`li[data-seq] :is(${controls})`))
		if (!el.closest('form')) el.tabIndex = -1;
}

function betweenMessages(list: HTMLElement, item: HTMLElement, event: KeyboardEvent) {
	const items = [...list.querySelectorAll<HTMLElement>(':scope > li[data-seq]')];
	const at = items.indexOf(item);
	const to: Record<string, number> = {
		ArrowUp: at - 1,
		ArrowDown: at + 1,
		Home: 0,
		End: items.length - 1
	};
	if (event.key in to) {
		event.preventDefault();
		items[Math.max(0, Math.min(items.length - 1, to[event.key]!))]?.focus();
	} else if (event.key === 'Enter' || event.key === 'ArrowRight') {
		event.preventDefault();
		// The message's own actions first (reply, react, ...), else its first link.
		const first =
			item.querySelector<HTMLElement>('[role="group"] button') ??
			item.querySelector<HTMLElement>(controls);
		first?.focus();
	}
}

function insideMessage(item: HTMLElement, target: HTMLElement, event: KeyboardEvent) {
	const inside = [...item.querySelectorAll<HTMLElement>(controls)].filter(
		(el) => el.offsetParent !== null
	);
	const at = inside.indexOf(target);
	if (event.key === 'Escape') {
		event.preventDefault();
		item.focus();
	} else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && at >= 0) {
		event.preventDefault();
		const step = event.key === 'ArrowRight' ? 1 : -1;
		inside[(at + step + inside.length) % inside.length]?.focus();
	}
}

export function rovingTimeline(list: HTMLElement) {
	const onKeydown = (event: KeyboardEvent) => {
		const target = event.target as HTMLElement;
		if (target.closest('form')) return;
		const item = target.closest<HTMLElement>('li[data-seq]');
		if (!item) return;
		if (target === item) betweenMessages(list, item, event);
		else insideMessage(item, target, event);
	};
	takeOutOfTabOrder(list);
	const rover = new MutationObserver(() => takeOutOfTabOrder(list));
	rover.observe(list, { childList: true, subtree: true });
	list.addEventListener('keydown', onKeydown);
	return {
		destroy() {
			rover.disconnect();
			list.removeEventListener('keydown', onKeydown);
		}
	};
}
