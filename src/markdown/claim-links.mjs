// @ts-check
/**
 * Renders `:claim[id]` text directives in Markdown pages as links to the claim's row on /claims/.
 * Astro 7 renders Markdown with Sätteri, so this registers a Sätteri mdast plugin (remark plugins
 * would not run). It only renders: whether each id exists is enforced by `npm run check`
 * (rule claim-reference-unknown), which reads the sources and does not depend on this renderer.
 */
import { claimPath } from '../worldforge/site/routes.ts';

function claimLinkPlugin() {
  return {
    name: 'worldforge-claim-links',
    /**
     * @param {any} node
     * @param {any} ctx Sätteri's visitor context (children are resolved lazily: read text through it)
     */
    textDirective(node, ctx) {
      if (node.name !== 'claim') return;
      const id = ctx.textContent(node).trim();
      ctx.replaceNode(node, {
        type: 'link',
        url: claimPath(id),
        children: [{ type: 'text', value: `claim: ${id}` }],
        data: { hProperties: { className: ['wf-claim-ref'], dataClaim: id } },
      });
    },
  };
}

/** The Astro integration that registers the renderer on the Markdown processor. */
function claimLinksIntegration() {
  return {
    name: 'worldforge-claim-links',
    hooks: {
      /** @param {{ config: any }} options */
      'astro:config:setup': ({ config }) => {
        const processor = config.markdown?.processor;
        if (!processor?.options?.mdastPlugins) {
          throw new Error(
            'worldforge-claim-links: expected the Sätteri Markdown processor (Astro 7 default); :claim[] links cannot be rendered.',
          );
        }
        processor.options.features.directive = true;
        processor.options.mdastPlugins.push(claimLinkPlugin());
      },
    },
  };
}

/**
 * A Starlight plugin: Starlight runs its plugins' integrations before its directive restoration
 * (which would otherwise turn `:claim[id]` back into plain text first).
 */
export function claimLinks() {
  return {
    name: 'worldforge-claim-links',
    hooks: {
      /** @param {{ addIntegration: (integration: any) => void }} options */
      'config:setup': ({ addIntegration }) => addIntegration(claimLinksIntegration()),
    },
  };
}
